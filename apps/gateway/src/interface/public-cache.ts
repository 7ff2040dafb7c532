import type { IncomingMessage } from 'node:http';
import type { Request, Response } from 'express';
import CachePolicy from 'http-cache-semantics';
import { LRUCache } from 'lru-cache';

interface Stored {
  policy: CachePolicy;
  status: number;
  body: Buffer;
}

/** Headers of one exchange, not of the answer: never replayed from the cache. */
const NOT_REPLAYED = new Set(['x-correlation-id', 'set-cookie']);
/** Larger answers pass through without being kept. */
const MAX_ENTRY_BYTES = 1024 * 1024;

const asRequest = (req: Request): CachePolicy.HttpRequest => ({
  url: req.originalUrl,
  method: req.method,
  headers: req.headers,
});

/**
 * The gateway as the shared HTTP cache in front of the services, where a deployment would put
 * nginx's proxy_cache or a CDN: an answer to a public route that its service marks
 * `Cache-Control: public, max-age=…` (the directory's search and institution pages) is kept in
 * memory for that long and served to anyone asking the same GET. What may be stored and reused is
 * decided by RFC 9111 (http-cache-semantics): a request's `Cache-Control: no-cache` always reaches
 * the service, Vary is honoured, Age is set. Memory is bounded (GATEWAY_CACHE_MB, default 64),
 * least recently used first out.
 */
export class PublicCache {
  private readonly entries = new LRUCache<string, Stored>({
    maxSize: Number(process.env.GATEWAY_CACHE_MB ?? 64) * 1024 * 1024,
    sizeCalculation: (s) => s.body.length + 1024,
  });

  private key = (req: Request) => `${req.method} ${req.originalUrl}`;

  /** Answers from the cache when a fresh stored answer satisfies the request (304 to a matching If-None-Match). */
  serve(req: Request, res: Response): boolean {
    if (req.method !== 'GET') return false;
    const stored = this.entries.get(this.key(req));
    if (!stored || !stored.policy.satisfiesWithoutRevalidation(asRequest(req))) return false;
    for (const [name, value] of Object.entries(stored.policy.responseHeaders()))
      if (value !== undefined && !NOT_REPLAYED.has(name)) res.setHeader(name, value);
    if (req.fresh) res.status(304).end();
    else res.status(stored.status).end(stored.body);
    return true;
  }

  /** Keeps a copy of the service's answer as it streams to the client, if the answer may be stored. */
  keep(req: Request, answer: IncomingMessage): void {
    if (req.method !== 'GET') return;
    const policy = new CachePolicy(asRequest(req), { status: answer.statusCode ?? 0, headers: answer.headers });
    if (!policy.storable() || policy.timeToLive() <= 0 || answer.headers['set-cookie']) return;
    const chunks: Buffer[] = [];
    let size = 0;
    answer.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_ENTRY_BYTES) chunks.push(chunk);
    });
    answer.on('end', () => {
      if (size <= MAX_ENTRY_BYTES && answer.complete)
        this.entries.set(
          this.key(req),
          { policy, status: answer.statusCode!, body: Buffer.concat(chunks) },
          { ttl: policy.timeToLive() },
        );
    });
  }
}
