// Whether a URL points at this machine, so the first send to any other host can ask for confirmation.

/** True for `localhost`, `*.localhost`, 127.0.0.0/8, `::1` (and 127.x written as IPv4-mapped IPv6). */
export function isLoopbackUrl(url: string): boolean {
  const host = hostnameOf(url);
  if (host === undefined) return false;
  return isLocalhostName(host) || isLoopbackIPv4(host) || isLoopbackIPv6(host);
}

// The WHATWG parser lower-cases names and normalises `127.1`, `0x7f.1` and `[0:0::1]` to their canonical forms.
function hostnameOf(url: string): string | undefined {
  try {
    const host = new URL(url).hostname;
    return host === '' ? undefined : host.replace(/\.$/, '');
  } catch {
    return undefined;
  }
}

function isLocalhostName(host: string): boolean {
  return host === 'localhost' || host.endsWith('.localhost');
}

function isLoopbackIPv4(host: string): boolean {
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

function isLoopbackIPv6(host: string): boolean {
  return host === '[::1]' || /^\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]$/.test(host);
}
