// Whether a host or a URL is this machine: `localhost`, `*.localhost`, 127.0.0.0/8 or `::1`.

/**
 * Takes a host as the WHATWG URL parser gives it (`new URL(url).hostname`): lower-cased, IPv4
 * normalised (`127.1` → `127.0.0.1`), IPv6 in brackets. A trailing dot is allowed.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/\.$/, '');
  return isLocalhostName(host) || isLoopbackIPv4(host) || isLoopbackIPv6(host);
}

function isLocalhostName(host: string): boolean {
  return host === 'localhost' || host.endsWith('.localhost');
}

function isLoopbackIPv4(host: string): boolean {
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** `[::1]`, and 127.x written as IPv4-mapped IPv6 (`[::ffff:7f00:1]` once normalised). */
function isLoopbackIPv6(host: string): boolean {
  return host === '[::1]' || /^\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]$/.test(host);
}

/** Whether a URL points at this machine, so the first send to any other host can ask for confirmation. */
export function isLoopbackUrl(url: string): boolean {
  try {
    // The WHATWG parser lower-cases names and normalises `127.1`, `0x7f.1` and `[0:0::1]` to their canonical forms.
    const host = new URL(url).hostname;
    return host !== '' && isLoopbackHost(host);
  } catch {
    return false;
  }
}
