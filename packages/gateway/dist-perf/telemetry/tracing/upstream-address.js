/**
 * server.address and server.port of an upstream call, from the provider's base URL. Parsed once
 * per provider settings object (they live as long as the configuration), not once per attempt.
 */
const DEFAULT_PORTS = { 'http:': 80, 'https:': 443 };
export class UpstreamAddresses {
    known = new WeakMap();
    of(provider) {
        let address = this.known.get(provider);
        if (address === undefined) {
            address = parseAddress(provider.baseUrl);
            this.known.set(provider, address);
        }
        return address;
    }
}
function parseAddress(baseUrl) {
    try {
        const url = new URL(baseUrl);
        const port = url.port === '' ? DEFAULT_PORTS[url.protocol] : Number(url.port);
        // IPv6 hosts come bracketed from URL; the convention wants the bare address.
        return port === undefined ? null : { address: url.hostname.replace(/^\[|\]$/g, ''), port };
    }
    catch {
        return null;
    }
}
//# sourceMappingURL=upstream-address.js.map