// Defers building a value (compiled rules, decoded weights) to the first call that needs it, then keeps it.

/**
 * Importing the detector must stay cheap for the handlers that never classify a message; call sites wrap
 * this in `/* @__PURE__ *\/` so a bundle that never reads the value drops it and what it builds.
 */
export function onFirstUse<T>(build: () => T): () => T {
  let built: { readonly value: T } | undefined;
  return () => {
    built ??= { value: build() };
    return built.value;
  };
}
