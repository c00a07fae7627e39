/** IPv4 / IPv6 addresses and CIDR blocks for the IpAddress condition operators. */
interface Parsed {
  readonly v6: boolean;
  readonly value: bigint;
}

function parseV4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return undefined;
    const n = Number(p);
    if (n > 255) return undefined;
    value = (value << 8n) | BigInt(n);
  }
  return value;
}

function parseV6(text: string): bigint | undefined {
  let head = text;
  let tailV4: bigint | undefined;
  const lastColon = text.lastIndexOf(':');
  if (text.includes('.', lastColon)) {
    tailV4 = parseV4(text.slice(lastColon + 1));
    if (tailV4 === undefined) return undefined;
    head = text.slice(0, lastColon + 1) + '0:0';
  }
  const halves = head.split('::');
  if (halves.length > 2) return undefined;
  const left = halves[0] ? halves[0].split(':') : [];
  const right = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - left.length - right.length;
  if ((halves.length === 1 && missing !== 0) || missing < 0) return undefined;
  const groups = [...left, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...right];
  if (groups.length !== 8) return undefined;
  let value = 0n;
  for (const g of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
    value = (value << 16n) | BigInt(parseInt(g, 16));
  }
  if (tailV4 !== undefined) value = (value & ~0xffffffffn) | tailV4;
  return value;
}

function parseAddress(text: string): Parsed | undefined {
  if (text.includes(':')) {
    const value = parseV6(text);
    return value === undefined ? undefined : { v6: true, value };
  }
  const value = parseV4(text);
  return value === undefined ? undefined : { v6: false, value };
}

/** A CIDR block (or a single address), compiled for membership tests. */
export class CidrBlock {
  private constructor(
    private readonly v6: boolean,
    private readonly network: bigint,
    private readonly mask: bigint,
  ) {}

  static parse(text: string): CidrBlock | undefined {
    const slash = text.indexOf('/');
    const address = parseAddress(slash >= 0 ? text.slice(0, slash) : text);
    if (!address) return undefined;
    const bits = address.v6 ? 128 : 32;
    let prefix = bits;
    if (slash >= 0) {
      const p = text.slice(slash + 1);
      if (!/^\d{1,3}$/.test(p) || Number(p) > bits) return undefined;
      prefix = Number(p);
    }
    const all = (1n << BigInt(bits)) - 1n;
    const mask = prefix === 0 ? 0n : (all << BigInt(bits - prefix)) & all;
    return new CidrBlock(address.v6, address.value & mask, mask);
  }

  contains(addressText: string): boolean {
    const address = parseAddress(addressText);
    if (!address || address.v6 !== this.v6) return false;
    return (address.value & this.mask) === this.network;
  }
}
