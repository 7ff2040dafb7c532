import { useEffect, useState } from 'react';
import type { PanelData } from '../providers/dashboard-provider';

/** Loads one dashboard panel when `enabled`; `undefined` while loading; reloaded when `version` changes. */
export function usePanel<T>(load: () => Promise<PanelData<T>>, enabled: boolean, version: number) {
  const [panel, setPanel] = useState<PanelData<T>>();
  useEffect(() => {
    if (!enabled) return;
    let alive = true;
    setPanel(undefined);
    load().then(
      (p) => alive && setPanel(p),
      (e: Error) => alive && setPanel({ state: 'error', message: e.message }),
    );
    return () => {
      alive = false;
    };
  }, [enabled, version]); // `load` is recreated on every render: the version decides
  return panel;
}
