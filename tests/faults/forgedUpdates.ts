/**
 * Updates written byte by byte (Yjs update format v1) that no Yjs client produces, for the tests
 * of what the server refuses before an update reaches the room or another peer.
 */

export function varUint(value: number): number[] {
  const bytes: number[] = [];
  while (value > 127) {
    bytes.push((value & 127) | 128);
    value = Math.floor(value / 128);
  }
  bytes.push(value);
  return bytes;
}

const varString = (s: string) => [...varUint(Buffer.byteLength(s)), ...Buffer.from(s)];

/**
 * Three string items of `client` in the root text `t`, the middle one (clock 1) with its left
 * origin at clock 2, written after it. Every check against the room's state passes (the update
 * holds clock 2 itself), but Yjs integrates a client's structs in clock order: it integrates
 * clock 0, then throws.
 */
export function forwardReference(client: number): Uint8Array {
  return new Uint8Array([
    ...[1, 3, ...varUint(client), 0],
    ...[0x04, 1, ...varString('t'), ...varString('a')],
    ...[0x84, ...varUint(client), 2, ...varString('b')],
    ...[0x04, 1, ...varString('t'), ...varString('c')],
    0,
  ]);
}
