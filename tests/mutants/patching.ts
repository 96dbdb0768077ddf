// How the planted-bug suites plant a bug: a prototype method of an engine's class replaced for
// one test, and put back after it (afterEach(restorePatches)).

// biome-ignore lint/suspicious/noExplicitAny: patching private methods of the engines' classes
export type Patchable = Record<string, any>;
// biome-ignore lint/suspicious/noExplicitAny: a patched method keeps its own parameters
export type Method = (this: Patchable, ...args: any[]) => unknown;

const restores: (() => void)[] = [];

/** Replaces a prototype method for one test; `make` gets the original. */
export function patch(
  target: { prototype: unknown },
  method: string,
  make: (original: Method) => Method,
): void {
  const prototype = target.prototype as Patchable;
  const original = prototype[method];
  // A renamed method would leave the bug unplanted and the test vacuous.
  if (typeof original !== "function") throw new Error(`planted bug: no method ${method} to patch`);
  prototype[method] = make(original);
  restores.push(() => {
    prototype[method] = original;
  });
}

/** Puts every patched method back. */
export function restorePatches(): void {
  while (restores.length > 0) restores.pop()?.();
}

/** The method runs as if the config read `override` (the option it ignores) on `holder(this)`. */
export function ignoreOption(
  target: { prototype: unknown },
  method: string,
  holder: (self: Patchable) => Patchable,
  override: Record<string, unknown>,
): void {
  patch(
    target,
    method,
    (original) =>
      function (this: Patchable, ...args: unknown[]) {
        const owner = holder(this);
        const config = owner.config;
        owner.config = { ...config, ...override };
        try {
          return original.apply(this, args);
        } finally {
          owner.config = config;
        }
      },
  );
}
