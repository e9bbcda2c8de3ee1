import { createRequire as __nvcfRequire } from 'node:module'; import { fileURLToPath as __nvcfPath } from 'node:url'; import { dirname as __nvcfDirname } from 'node:path'; const require = __nvcfRequire(import.meta.url); const __filename = __nvcfPath(import.meta.url); const __dirname = __nvcfDirname(__filename);
import*as h from"node:path";function j(e,t,s){let a=0,p=0,o=0,f=[];for(let c of e){if(c.messages.length===0)continue;a+=c.errorCount,p+=c.warningCount,o+=c.fatalErrorCount;let w=c.messages.map(n=>[`${n.line}:${n.column}`,n.severity===2?t.red("error"):t.yellow("warning"),n.message.replace(/([^ ])\.$/,"$1"),t.dim(n.ruleId??"")]),d=[0,1].map(n=>Math.max(...w.map(v=>g(v[n]??"")))),b=w.map(n=>`  ${(n[0]??"").padEnd(d[0]??0)}  ${E(n[1]??"",d[1]??0)}  ${n[2]}  ${n[3]}`.trimEnd());f.push(`${t.underline(x(c.filePath,s))}
${b.join(`
`)}`)}let i=a+p;if(i===0)return"";let m=`\u2716 ${i} problem${i===1?"":"s"} (${a} error${a===1?"":"s"}, ${p} warning${p===1?"":"s"})`,u=o>0?`
  ${o} file${o===1?"":"s"} could not be read as ${o===1?"a manifest":"manifests"}.`:"",y=a>0?t.red(t.bold(m)):t.yellow(t.bold(m));return`
${f.join(`

`)}

${y}${u}
`}function x(e,t){let s=h.relative(t,e);return s===""||s.startsWith("..")||h.isAbsolute(s)?e:s}function g(e){return e.replace(/\u001b\[[0-9;]*m/g,"").length}function E(e,t){return e+" ".repeat(Math.max(0,t-g(e)))}import*as l from"node:fs";import*as r from"node:path";var $=class extends Error{name="UnsafeWriteError"};async function A(e,t,s){let a=await l.promises.realpath(e),p=await l.promises.realpath(s),o=r.relative(p,a);if(o.startsWith("..")||r.isAbsolute(o))throw new $(`${e} resolves to ${a}, outside ${s}; not writing through the link`);let{mode:f}=await l.promises.stat(a),i=r.join(r.dirname(a),`.${r.basename(a)}.${process.pid}.${Date.now().toString(36)}.nvcf-keylint.tmp`),m=await l.promises.open(i,"wx",f&511);try{await m.writeFile(t,"utf8"),await m.sync()}finally{await m.close()}try{await l.promises.chmod(i,f&4095),await l.promises.rename(i,a)}catch(u){throw await l.promises.rm(i,{force:!0}),u}}export{j as a,x as b,A as c};
