// Describes the machine the figures were measured on.
import { cpus, totalmem, platform, release, arch } from 'node:os';

export function machineInfo() {
  const list = cpus();
  return {
    cpu: list[0]?.model ?? 'unknown',
    cores: list.length,
    memoryGB: Number((totalmem() / 1024 ** 3).toFixed(1)),
    node: process.version,
    os: `${platform()} ${release()} ${arch()}`,
  };
}
