import type Docker from 'dockerode';
import type { ServiceStats } from '../../contract';

/** What `docker stats` reads from one sample of Docker's stats: CPU against the previous sample, memory less the page cache. */
export function statsOf(sample: Docker.ContainerStats): ServiceStats {
  const cpu = sample.cpu_stats;
  const previous = sample.precpu_stats;
  const cpuDelta = cpu.cpu_usage.total_usage - (previous?.cpu_usage?.total_usage ?? 0);
  const systemDelta = (cpu.system_cpu_usage ?? 0) - (previous?.system_cpu_usage ?? 0);
  const cpus = cpu.online_cpus || cpu.cpu_usage.percpu_usage?.length || 1;
  const memory = sample.memory_stats;
  // cgroup v2 calls the page cache inactive_file, v1 total_inactive_file; `docker stats` leaves it out.
  const cache = memory.stats?.inactive_file ?? memory.stats?.total_inactive_file ?? 0;
  return {
    cpuPercent: systemDelta > 0 && cpuDelta > 0 ? (cpuDelta / systemDelta) * cpus * 100 : 0,
    memoryBytes: Math.max(0, (memory.usage ?? 0) - cache),
    memoryLimitBytes: memory.limit ?? 0,
  };
}
