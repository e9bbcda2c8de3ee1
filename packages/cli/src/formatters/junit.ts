import type { LintResult } from '../results.js';

/** JUnit XML in the layout of ESLint's junit formatter: a suite per file, a case per problem. */
export function formatJunit(results: readonly LintResult[]): string {
  const out = ['<?xml version="1.0" encoding="utf-8"?>', '<testsuites>'];
  for (const result of results) {
    const file = xml(result.filePath);
    const count = Math.max(1, result.messages.length);
    out.push(`<testsuite package="org.nvcf-keylint" time="0" tests="${count}" errors="${result.messages.length}" name="${file}">`);
    if (result.messages.length === 0) out.push(`<testcase time="0" name="${file}" classname="${classname(result.filePath)}" />`);
    for (const m of result.messages) {
      const type = m.severity === 2 ? 'error' : 'warning';
      out.push(`<testcase time="0" name="org.nvcf-keylint.${xml(m.ruleId ?? 'unknown')}" classname="${classname(result.filePath)}">`);
      out.push(`<failure message="${xml(m.message)}"><![CDATA[line ${m.line}, col ${m.column}, ${type === 'error' ? 'Error' : 'Warning'} - ${cdata(m.message)} (${m.ruleId ?? 'parse'})]]></failure>`);
      out.push('</testcase>');
    }
    out.push('</testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}

function classname(file: string): string {
  return xml(file.replace(/\.[^/.]+$/, '').split(/[\\/]/).pop() ?? file);
}

function xml(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function cdata(text: string): string {
  return text.replace(/\]\]>/g, ']]]]><![CDATA[>');
}
