import { createServer } from 'node:net';

/** Whether nothing listens on host:port yet (the platform binds 127.0.0.1). */
export const portFree = (port: number, host = '127.0.0.1') =>
  new Promise<boolean>((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(true)));
  });

/** A port the operating system has just handed out as free. */
export const anyFreePort = (host = '127.0.0.1') =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen({ port: 0, host }, () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

/** Those of the given ports that something already listens on. */
export async function takenOf(ports: number[], host?: string): Promise<number[]> {
  const free = await Promise.all(ports.map((p) => portFree(p, host)));
  return ports.filter((_, i) => !free[i]);
}

/**
 * A base port whose whole block (base + each offset) is free: the preferred one when it is,
 * else the next base `step` apart. Another checkout's `npm start` on 3000 moves this one to 3100.
 */
export async function freeBlock(preferred: number, offsets: number[], step = 100, tries = 20) {
  for (let base = preferred, i = 0; i < tries; i++, base += step) {
    if (!(await takenOf(offsets.map((o) => base + o))).length) return base;
  }
  throw new Error(`no free block of ports from ${preferred} (every ${step} up to ${preferred + step * tries})`);
}
