/**
 * The part of the Workers runtime's `cloudflare:sockets` the tcp probe uses (the full declaration
 * lives in @cloudflare/workers-types, which cannot be loaded globally beside the DOM types).
 */
declare module 'cloudflare:sockets' {
  export function connect(address: { hostname: string; port: number }): {
    opened: Promise<unknown>;
    close(): Promise<void>;
  };
}
