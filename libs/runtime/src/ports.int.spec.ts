import { createServer, Server } from 'node:net';
import { anyFreePort, freeBlock, portFree, takenOf } from './ports';

const listen = (port: number) =>
  new Promise<Server>((resolve) => {
    const s = createServer();
    s.listen(port, '127.0.0.1', () => resolve(s));
  });

describe('a second checkout’s platform finds its own ports', () => {
  let held: Server[] = [];
  afterEach(async () => {
    await Promise.all(held.map((s) => new Promise((r) => s.close(r))));
    held = [];
  });

  it('moves to the next free block when any port of the preferred one is taken', async () => {
    const base = await anyFreePort();
    const offsets = [0, 1, 2, 90];
    held.push(await listen(base + 2)); // another checkout's directory service
    expect(await portFree(base + 2)).toBe(false);
    expect(await takenOf(offsets.map((o) => base + o))).toEqual([base + 2]);
    const chosen = await freeBlock(base, offsets, 7);
    expect(chosen).toBeGreaterThan(base);
    expect(await takenOf(offsets.map((o) => chosen + o))).toEqual([]);
  });

  it('keeps the preferred block when it is free', async () => {
    const base = await anyFreePort();
    expect(await freeBlock(base, [0])).toBe(base);
  });
});
