import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { assertDeliverableUrl, deliverableUrlProblem, ipVersion, nonPublicAddressKind } from "./safe-url";

const saved = process.env.ALLOW_PRIVATE_URLS;
beforeEach(() => {
  delete process.env.ALLOW_PRIVATE_URLS;
});
afterEach(() => {
  if (saved === undefined) delete process.env.ALLOW_PRIVATE_URLS;
  else process.env.ALLOW_PRIVATE_URLS = saved;
});

function refusal(url: string, options = {}) {
  try {
    assertDeliverableUrl(url, "callback_url", options);
  } catch (error) {
    return error as { code: string; message: string; details: { field?: string } };
  }
  throw new Error(`${url} was accepted`);
}

describe("assertDeliverableUrl (when a URL is saved)", () => {
  it.each([
    ["http://127.0.0.1/hook", "loopback"],
    ["http://127.0.0.1:8080/hook", "loopback"],
    ["http://169.254.169.254/latest/meta-data/", "link-local"],
    ["http://[::1]/hook", "loopback"],
    ["http://[::ffff:127.0.0.1]/hook", "loopback"],
    ["http://[::ffff:169.254.169.254]/", "link-local"],
    ["http://[fd00:ec2::254]/", "private"],
    ["http://[fe80::1]/", "link-local"],
    ["http://10.1.2.3/", "private"],
    ["http://172.20.0.1/", "private"],
    ["http://192.168.1.10/", "private"],
    ["http://100.100.100.200/", "shared"],
    ["http://0.0.0.0/", "this network"],
    // Other spellings of 127.0.0.1 that the URL parser normalises.
    ["http://2130706433/", "loopback"],
    ["http://0x7f.1/", "loopback"],
    ["http://127.1/", "loopback"],
    ["http://localhost/hook", "name of our own network"],
    ["http://LOCALHOST./hook", "name of our own network"],
    ["http://api.localhost/hook", "name of our own network"],
    ["http://metadata.google.internal/", "name of our own network"],
    ["http://printer.local/", "name of our own network"],
    ["http://intranet/", "name of our own network"],
  ])("refuses %s, naming the field", (url, words) => {
    const error = refusal(url);
    expect(error.code).toBe("VALIDATION");
    expect(error.details.field).toBe("callback_url");
    expect(error.message).toMatch(/^callback_url points at /);
    expect(error.message).toContain(words);
  });

  it.each([
    ["file:///etc/passwd", "must be an http or https URL, not file:"],
    ["gopher://example.com:70/_hello", "must be an http or https URL, not gopher:"],
    ["ftp://example.com/", "must be an http or https URL"],
    ["javascript:alert(1)", "must be an http or https URL"],
    ["not a url", "must be an absolute URL"],
    ["/relative/path", "must be an absolute URL"],
    ["https://user:pass@example.com/hook", "must not carry a user name or password"],
  ])("refuses %s", (url, words) => {
    expect(refusal(url).message).toContain(`callback_url ${words}`);
  });

  it("accepts public http and https URLs, and returns them parsed", () => {
    expect(assertDeliverableUrl("https://hooks.example.com/paylinks?x=1", "webhook_url").href).toBe("https://hooks.example.com/paylinks?x=1");
    expect(assertDeliverableUrl("http://8.8.8.8:8080/cb", "callback_url").host).toBe("8.8.8.8:8080");
    expect(assertDeliverableUrl("https://[2606:4700:4700::1111]/cb", "callback_url").hostname).toBe("[2606:4700:4700::1111]");
  });

  it("refuses http when https is required", () => {
    expect(refusal("http://hooks.example.com/", { requireHttps: true }).message).toBe("callback_url must be an https URL");
    expect(() => assertDeliverableUrl("https://hooks.example.com/", "callback_url", { requireHttps: true })).not.toThrow();
  });

  it("lets private and loopback URLs through with ALLOW_PRIVATE_URLS=1 (local development and tests), never other schemes", () => {
    process.env.ALLOW_PRIVATE_URLS = "1";
    expect(() => assertDeliverableUrl("http://127.0.0.1:4000/hook", "webhook_url")).not.toThrow();
    expect(() => assertDeliverableUrl("http://localhost:4000/hook", "webhook_url", { requireHttps: true })).not.toThrow();
    expect(deliverableUrlProblem("file:///etc/passwd")).toMatch(/http or https/);
    expect(deliverableUrlProblem("gopher://127.0.0.1/")).toMatch(/http or https/);
    expect(deliverableUrlProblem("http://127.0.0.1/", { allowPrivate: false })).toMatch(/loopback/);
  });
});

describe("nonPublicAddressKind", () => {
  it.each([
    ["8.8.8.8", null],
    ["93.184.216.34", null],
    ["2606:4700:4700::1111", null],
    ["64:ff9b::8.8.8.8", null],
    ["2002:0808:0808::1", null],
    ["127.0.0.53", "loopback"],
    ["169.254.169.254", "link-local (cloud metadata)"],
    ["::", "unspecified"],
    ["::1", "loopback"],
    ["::127.0.0.1", "reserved (IPv4-compatible)"],
    ["64:ff9b::a00:1", "private"],
    ["2002:7f00:1::1", "loopback"],
    ["2001:db8::1", "documentation"],
    ["fc00::1", "private (unique local)"],
    ["ff02::1", "multicast"],
    ["224.0.0.1", "multicast"],
    ["255.255.255.255", "reserved"],
    ["fe80::1%eth0", "link-local (scoped)"],
    ["example.com", "invalid"],
  ])("%s is %s", (address, kind) => {
    expect(nonPublicAddressKind(address)).toBe(kind);
  });
});

describe("ipVersion", () => {
  it.each([
    ["1.2.3.4", 4],
    ["255.255.255.255", 4],
    ["::", 6],
    ["::1", 6],
    ["fe80::1%eth0", 6],
    ["::ffff:127.0.0.1", 6],
    ["2001:db8:0:0:0:0:0:1", 6],
    ["1:2:3:4:5:6:7::", 6],
    ["1:2:3:4:5:6:1.2.3.4", 6],
    ["256.1.1.1", 0],
    ["1.2.3", 0],
    ["01.2.3.4", 0],
    ["example.com", 0],
    [":1", 0],
    ["1::2::3", 0],
    ["1:2:3:4:5:6:7:8:9", 0],
    ["12345::", 0],
    ["fe80::1%", 0],
  ])("%s is %s", (text, version) => {
    expect(ipVersion(text)).toBe(version);
  });
});
