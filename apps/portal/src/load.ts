import { useEffect, useState } from 'react';

/**
 * What `load` answers for the current key: reloaded when the key changes (compared as JSON), the
 * previous request aborted; `failed` when it did not answer.
 */
export function useLoaded<T>(key: unknown, load: (signal: AbortSignal) => Promise<T>) {
  const [result, setResult] = useState<T | null>(null);
  const [failed, setFailed] = useState(false);
  const dependency = JSON.stringify(key);
  useEffect(() => {
    const abort = new AbortController();
    setFailed(false);
    load(abort.signal).then(setResult, (e) => e.name !== 'AbortError' && setFailed(true));
    return () => abort.abort();
    // The key stands for everything load reads.
  }, [dependency]);
  return { result, failed };
}
