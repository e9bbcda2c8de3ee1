import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

type Node = TSESTree.Node;

/**
 * Visits `root` and every node below it, depth first in source order, without recursion (a deeply
 * nested file cannot overflow the stack). `visit` returning `false` skips the node's children.
 */
export function walkNodes(sourceCode: Readonly<TSESLint.SourceCode>, root: Node, visit: (node: Node) => boolean | void): void {
  const keys = sourceCode.visitorKeys as Record<string, readonly string[] | undefined>;
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    if (visit(node) === false) continue;
    const childKeys = keys[node.type] ?? [];
    for (let k = childKeys.length - 1; k >= 0; k--) {
      const child = (node as unknown as Record<string, unknown>)[childKeys[k] as string];
      if (Array.isArray(child)) {
        for (let i = child.length - 1; i >= 0; i--) if (child[i] && typeof child[i].type === 'string') stack.push(child[i] as Node);
      } else if (child && typeof (child as { type?: unknown }).type === 'string') {
        stack.push(child as Node);
      }
    }
  }
}
