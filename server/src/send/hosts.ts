// Whether a URL points at this machine, so the first send to any other host can ask for confirmation.
import { isLoopbackHost } from '../core/hosts';

/** True for `localhost`, `*.localhost`, 127.0.0.0/8, `::1` (and 127.x written as IPv4-mapped IPv6). */
export function isLoopbackUrl(url: string): boolean {
  try {
    // The WHATWG parser lower-cases names and normalises `127.1`, `0x7f.1` and `[0:0::1]` to their canonical forms.
    const host = new URL(url).hostname;
    return host !== '' && isLoopbackHost(host);
  } catch {
    return false;
  }
}
