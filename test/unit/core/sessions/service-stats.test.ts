import type Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { statsOf } from '../../../../electron/core/sessions/service-stats';

describe('statsOf', () => {
  it('reads CPU against the previous sample over the online CPUs, and memory without the page cache (cgroup v2)', () => {
    const sample = {
      cpu_stats: { cpu_usage: { total_usage: 3_000_000 }, system_cpu_usage: 20_000_000, online_cpus: 2 },
      precpu_stats: { cpu_usage: { total_usage: 1_000_000 }, system_cpu_usage: 10_000_000 },
      memory_stats: { usage: 50 * 2 ** 20, limit: 16 * 2 ** 30, stats: { inactive_file: 10 * 2 ** 20 } },
    } as unknown as Docker.ContainerStats;
    expect(statsOf(sample)).toEqual({ cpuPercent: 40, memoryBytes: 40 * 2 ** 20, memoryLimitBytes: 16 * 2 ** 30 });
  });

  it('says 0% for the first sample, which has nothing before it, and reads cgroup v1 cache', () => {
    const sample = {
      cpu_stats: { cpu_usage: { total_usage: 3_000_000, percpu_usage: [1, 2, 3, 4] }, system_cpu_usage: 20_000_000 },
      precpu_stats: { cpu_usage: { total_usage: 0 } },
      memory_stats: { usage: 8 * 2 ** 20, limit: 2 ** 30, stats: { total_inactive_file: 2 ** 20 } },
    } as unknown as Docker.ContainerStats;
    expect(statsOf(sample)).toMatchObject({ memoryBytes: 7 * 2 ** 20 });
    const first = { ...sample, precpu_stats: { cpu_usage: { total_usage: 0 }, system_cpu_usage: 20_000_000 } } as unknown as Docker.ContainerStats;
    expect(statsOf(first).cpuPercent).toBe(0);
  });
});
