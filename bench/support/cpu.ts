// CPU time used by processes, from Linux's /proc/<pid>/stat (user + system). Figures per send
// stay meaningful on a machine shared with other work, where sends/s swing with the neighbours.
import { readdirSync, readFileSync } from 'node:fs';

/** USER_HZ: the unit of utime and stime; 100 on every Linux this runs on. */
const TICKS_PER_SECOND = 100;

/** Milliseconds of CPU the processes have used so far (0 for one that is gone, or off Linux). */
export function cpuMs(pids: readonly number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      // the command name may hold spaces: the fields start after its closing parenthesis
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // gone
    }
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/**
 * CPU of a process's main thread (its event loop), ms; the process's figure less this is what its
 * other threads used (V8's GC and compiler helpers, libuv's pool, worker threads), ended ones too.
 */
export function mainThreadCpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** The PostgreSQL server's processes on this machine (the backends serving the relays among them). */
export function postgresPids(): number[] {
  try {
    return readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .filter((pid) => {
        try {
          return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres';
        } catch {
          return false;
        }
      })
      .map(Number);
  } catch {
    return [];
  }
}
