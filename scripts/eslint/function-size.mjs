// An ESLint rule: no function longer than 80 lines, a React component (a capitalised function
// in a .tsx file) no longer than 120. Lines are counted as ESLint's max-lines-per-function
// counts them by default (blank lines and comments too), from the function's first line to its
// last; a nested function counts within its parent as well as on its own.

const LIMITS = { component: 120, function: 80 };

/** The name a function is known by: its own, or the variable, property or method holding it. */
function nameOf(node) {
  if (node.id?.name) return node.id.name;
  const parent = node.parent;
  if (parent?.type === "VariableDeclarator" && parent.id.type === "Identifier") return parent.id.name;
  if ((parent?.type === "Property" || parent?.type === "MethodDefinition") && parent.key.type === "Identifier") {
    return parent.key.name;
  }
  // React.memo(function X…) / forwardRef((…) => …) assigned to a capitalised name.
  if (parent?.type === "CallExpression" && parent.parent?.type === "VariableDeclarator") {
    return parent.parent.id.name ?? null;
  }
  return null;
}

export const functionSize = {
  meta: {
    type: "suggestion",
    docs: { description: "Functions at most 80 lines, React components at most 120" },
    schema: [],
    messages: {
      tooLong: "{{what}} '{{name}}' has {{lines}} lines; at most {{max}}: split it by meaning.",
    },
  },
  create(context) {
    const isTsx = context.filename.endsWith(".tsx");
    const check = (node) => {
      const lines = node.loc.end.line - node.loc.start.line + 1;
      const name = nameOf(node);
      const component = isTsx && name !== null && /^[A-Z]/.test(name);
      const max = component ? LIMITS.component : LIMITS.function;
      if (lines <= max) return;
      context.report({
        node,
        messageId: "tooLong",
        data: { what: component ? "Component" : "Function", name: name ?? "(anonymous)", lines, max },
      });
    };
    return { FunctionDeclaration: check, FunctionExpression: check, ArrowFunctionExpression: check };
  },
};

export default { rules: { "function-size": functionSize } };
