import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type IRateLimiterOptions,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import type { RedisClient } from "../realtime/redisScaleOut.js";
import { AppError } from "../errors/AppError.js";

/**
 * Limits on the doors attackers knock at. Each has a per-IP limiter (many accounts from one
 * place) and a per-account limiter (one account from many places). Per-account limits block
 * for minutes, not for good, so the real owner is never locked out permanently.
 * In-memory: one process holds its own counters; with REDIS_URL every process counts in Redis.
 */
interface DoorLimits {
  ipOptions: IRateLimiterOptions;
  accountOptions: IRateLimiterOptions;
  perIp: RateLimiterAbstract;
  perAccount: RateLimiterAbstract;
}

function door(
  ip: { points: number; duration: number },
  account: { points: number; duration: number; blockDuration: number },
): DoorLimits {
  return {
    ipOptions: ip,
    accountOptions: account,
    perIp: new RateLimiterMemory(ip),
    perAccount: new RateLimiterMemory(account),
  };
}

const doors = {
  /** 10 wrong passwords per account per 15 min, then a 15-minute pause; 100 attempts per IP per 15 min. */
  login: door({ points: 100, duration: 900 }, { points: 10, duration: 900, blockDuration: 900 }),
  accountRequest: door({ points: 10, duration: 3600 }, { points: 3, duration: 3600, blockDuration: 3600 }),
  passwordReset: door({ points: 20, duration: 3600 }, { points: 3, duration: 3600, blockDuration: 3600 }),
  // A moderator sets up a group of 6–8 JSTs with ~30 people in one sitting.
  invitation: door({ points: 200, duration: 3600 }, { points: 60, duration: 3600, blockDuration: 900 }),
  // A session's materials (a dozen files) fit easily; a script filling the disk does not.
  upload: door({ points: 300, duration: 3600 }, { points: 100, duration: 3600, blockDuration: 600 }),
  // A person downloads their data archive now and then; every export reads all their data and files.
  personalDataExport: door({ points: 60, duration: 3600 }, { points: 10, duration: 3600, blockDuration: 900 }),
  // Someone checks a certificate or two by hand; a script guessing codes gets a few hundred tries an hour.
  certificateLookup: door({ points: 300, duration: 3600 }, { points: 300, duration: 3600, blockDuration: 600 }),
} as const;

export type Door = keyof typeof doors;

/**
 * Several processes behind one address count each door's attempts together in Redis, or a limit
 * would be multiplied by the number of processes. While Redis is unreachable each process falls
 * back to its own in-memory counters instead of refusing everyone.
 */
export function shareRateLimits(redisClient: RedisClient): void {
  for (const [name, limits] of Object.entries(doors) as Array<[Door, DoorLimits]>) {
    const shared = (options: IRateLimiterOptions, key: string, fallback: RateLimiterAbstract) =>
      new RateLimiterRedis({
        ...options,
        storeClient: redisClient,
        useRedisPackage: true,
        rejectIfRedisNotReady: true,
        keyPrefix: `forum:limit:${name}:${key}`,
        insuranceLimiter: fallback,
      });
    limits.perIp = shared(limits.ipOptions, "ip", limits.perIp);
    limits.perAccount = shared(limits.accountOptions, "account", limits.perAccount);
  }
}

const tooMany = (retryAfterMs: number) => {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  return new AppError(429, "too_many_attempts", `Zbyt wiele prób. Spróbuj ponownie za ${minutes} min.`);
};

/**
 * Counts one attempt at a door; throws 429 with a Polish message when over the limit.
 * Returns how many attempts the account has used in the current window.
 */
export async function countAttempt(doorName: Door, ip: string, account?: string): Promise<number> {
  const limits = doors[doorName];
  try {
    await limits.perIp.consume(ip);
    return account ? (await limits.perAccount.consume(account.toLowerCase())).consumedPoints : 0;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) throw tooMany(rejection.msBeforeNext);
    throw rejection;
  }
}

/** After a successful sign-in the account's failed attempts no longer count. */
export async function forgiveAttempts(doorName: Door, account: string): Promise<void> {
  await doors[doorName].perAccount.delete(account.toLowerCase());
}

/** Wrong passwords after the third are answered ever more slowly (0.5 s more each, up to 4 s). */
export function failureDelayMs(attemptsSoFar: number): number {
  return Math.min(4_000, Math.max(0, attemptsSoFar - 3) * 500);
}
