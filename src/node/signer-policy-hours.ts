/**
 * The clock part of the signer policy (`"allowedHours"`, documented in signer-policy.ts): the
 * hour of day in a time zone, read through Intl so that an IANA zone follows its daylight-saving
 * rules, and whether that hour falls in the configured window. `from < to` is the window
 * [from, to) within one day; `from > to` wraps midnight ([from, 24) and [0, to)).
 * @module
 */

export interface AllowedHours {
  /** First allowed hour, 0-23. */
  readonly from: number;
  /** First hour no longer allowed, 1-24. */
  readonly to: number;
  /** `UTC` or an IANA zone name such as `Europe/Zurich`. */
  readonly timezone: string;
}

function hourFormat(timeZone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', hourCycle: 'h23' });
}

/** Whether Intl knows the zone name. */
export function isTimeZone(name: string): boolean {
  try {
    hourFormat(name);
    return true;
  } catch {
    return false;
  }
}

/** The hour of day (0-23) at `at` in `timeZone`. */
export function hourIn(timeZone: string, at: Date): number {
  const hour = hourFormat(timeZone).formatToParts(at).find((p) => p.type === 'hour');
  return Number(hour?.value);
}

export function withinHours(hours: AllowedHours, at: Date): boolean {
  const h = hourIn(hours.timezone, at);
  return hours.from < hours.to ? h >= hours.from && h < hours.to : h >= hours.from || h < hours.to;
}
