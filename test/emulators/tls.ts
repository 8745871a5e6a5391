// A throw-away certificate authority for loopback HTTPS in tests.
//
// MSAL only accepts https authorities, so the Entra emulator must speak TLS. Child processes trust the
// CA through NODE_EXTRA_CA_CERTS=<caPath>; nothing here touches the system trust store.
import crypto from "node:crypto";
import type { webcrypto as WebCrypto } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type * as X509 from "@peculiar/x509";

// @peculiar/x509 2.x resolves its algorithms through tsyringe, which refuses to load without a
// Reflect metadata polyfill. It only stores and reads plain metadata (no emitted design types), so a
// tiny WeakMap-backed one is enough and spares a dependency. It must exist before the library loads,
// hence the dynamic import below (static imports would be evaluated first).
installReflectMetadata();
const x509: typeof X509 = await import("@peculiar/x509");

const webcrypto: WebCrypto.Crypto = crypto.webcrypto;
type CryptoKey = WebCrypto.CryptoKey;
type CryptoKeyPair = WebCrypto.CryptoKeyPair;
x509.cryptoProvider.set(webcrypto);

function installReflectMetadata(): void {
  const reflect = Reflect as unknown as Record<string, unknown>;
  if (typeof reflect["getMetadata"] === "function") return;
  const store = new WeakMap<object, Map<unknown, unknown>>();
  const own = (target: object): Map<unknown, unknown> => {
    let map = store.get(target);
    if (!map) store.set(target, (map = new Map()));
    return map;
  };
  const getOwnMetadata = (key: unknown, target: object): unknown => store.get(target)?.get(key);
  const getMetadata = (key: unknown, target: object): unknown => {
    // Walk the prototype chain as the real polyfill does.
    for (let t: object | null = target; t; t = Object.getPrototypeOf(t) as object | null) {
      const map = store.get(t);
      if (map?.has(key)) return map.get(key);
    }
    return undefined;
  };
  reflect["getOwnMetadata"] = getOwnMetadata;
  reflect["getMetadata"] = getMetadata;
  reflect["defineMetadata"] = (key: unknown, value: unknown, target: object): void => void own(target).set(key, value);
  reflect["hasMetadata"] = (key: unknown, target: object): boolean => getMetadata(key, target) !== undefined;
  reflect["metadata"] = (key: unknown, value: unknown) => (target: object): void => void own(target).set(key, value);
}

const EC_KEY = { name: "ECDSA", namedCurve: "P-256" } as const;
const EC_SIGN = { name: "ECDSA", hash: "SHA-256" } as const;
const RSA_SIGN = { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" } as const;
const TEN_YEARS_MS = 10 * 365 * 24 * 3600 * 1000;

export interface TestTls {
  caPath: string;
  caPem: string;
  key: string;
  cert: string;
}

export interface ClientCertificate {
  /** Private key PEM (PKCS#8, RSA 2048) followed by the certificate PEM: what `client-certificate` takes. */
  pem: string;
  certDer: Buffer;
  /** base64url of the SHA-256 of the DER certificate: MSAL's `thumbprintSha256` is the hex form. */
  thumbprintSha256: string;
  publicKey: crypto.KeyObject;
}

/** Valid from yesterday so clock skew between processes never makes the certificate "not yet valid". */
function validity(): { notBefore: Date; notAfter: Date } {
  const notBefore = new Date(Date.now() - 24 * 3600 * 1000);
  return { notBefore, notAfter: new Date(notBefore.getTime() + TEN_YEARS_MS) };
}

function randomSerial(): string {
  // Positive 16-byte serial: clear the top bit so DER does not read it as negative.
  const bytes = crypto.randomBytes(16);
  bytes[0] = (bytes[0] ?? 0) & 0x7f;
  return bytes.toString("hex");
}

async function privateKeyPem(key: CryptoKey): Promise<string> {
  const pkcs8 = await webcrypto.subtle.exportKey("pkcs8", key);
  return x509.PemConverter.encode(pkcs8, "PRIVATE KEY");
}

type Issued = { cert: X509.X509Certificate; keys: CryptoKeyPair };

async function createCa(): Promise<Issued> {
  const keys = (await webcrypto.subtle.generateKey(EC_KEY, true, ["sign", "verify"])) as CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerial(),
    name: "CN=defender-issues test CA",
    ...validity(),
    keys,
    signingAlgorithm: EC_SIGN,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { cert, keys };
}

async function createServerCert(ca: Issued): Promise<Issued> {
  const keys = (await webcrypto.subtle.generateKey(EC_KEY, true, ["sign", "verify"])) as CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: randomSerial(),
    subject: "CN=localhost",
    issuer: ca.cert.subject,
    ...validity(),
    publicKey: keys.publicKey,
    signingKey: ca.keys.privateKey,
    signingAlgorithm: EC_SIGN,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension([
        { type: "dns", value: "localhost" },
        { type: "ip", value: "127.0.0.1" },
      ]),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(ca.keys.publicKey),
    ],
  });
  return { cert, keys };
}

/** Creates a CA and a `localhost`/`127.0.0.1` server certificate; writes the CA to `dir/ca.pem`. */
export async function createTestTls(dir: string): Promise<TestTls> {
  const ca = await createCa();
  const server = await createServerCert(ca);
  const caPem = ca.cert.toString("pem") + "\n";
  const caPath = path.join(dir, "ca.pem");
  await mkdir(dir, { recursive: true });
  await writeFile(caPath, caPem);
  return { caPath, caPem, key: await privateKeyPem(server.keys.privateKey), cert: server.cert.toString("pem") + "\n" };
}

/** A self-signed RSA client certificate as an Entra app registration would have uploaded. */
export async function createClientCertificate(): Promise<ClientCertificate> {
  const algorithm = { ...RSA_SIGN, modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) };
  const keys = (await webcrypto.subtle.generateKey(algorithm, true, ["sign", "verify"])) as CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerial(),
    name: "CN=defender-issues test client",
    ...validity(),
    keys,
    signingAlgorithm: RSA_SIGN,
    extensions: [new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true)],
  });
  const certDer = Buffer.from(cert.rawData);
  const keyPem = await privateKeyPem(keys.privateKey);
  return {
    pem: `${keyPem}\n${cert.toString("pem")}\n`,
    certDer,
    thumbprintSha256: crypto.createHash("sha256").update(certDer).digest("base64url"),
    publicKey: crypto.createPublicKey(keyPem),
  };
}
