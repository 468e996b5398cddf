import { useEffect, useState } from 'react';
import type { ServiceStats } from '../../../../electron/contract';
import { bridge } from '../../bridge/client';

/** The running services' CPU and memory, live while the component that asks is on screen. */
export function useServiceStats(projectId: string, path: string): Record<string, ServiceStats> {
  const [stats, setStats] = useState<Record<string, ServiceStats>>({});

  useEffect(() => {
    setStats({});
    const off = bridge.on('sessions.stats', (event) => {
      if (event.projectId !== projectId || event.path !== path) return;
      setStats((known) => ({ ...known, [event.service]: event.stats }));
    });
    void bridge.request('sessions.watchStats', { projectId, path }).catch(() => undefined);
    return () => {
      off();
      void bridge.request('sessions.unwatchStats', { projectId, path }).catch(() => undefined);
    };
  }, [projectId, path]);

  return stats;
}

/** `3.2% · 45.1 MiB`: CPU of one core, memory without the page cache, as `docker stats`. */
export function usageText({ cpuPercent, memoryBytes }: ServiceStats): string {
  return `${cpuPercent.toFixed(1)}% · ${(memoryBytes / 2 ** 20).toFixed(1)} MiB`;
}
