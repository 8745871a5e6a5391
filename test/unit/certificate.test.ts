import { createHash, generateKeyPairSync, X509Certificate } from "node:crypto";
import { describe, expect, it } from "vitest";
import { readCertificate } from "../../src/entra/certificate.ts";
import { createClientCertificate } from "../emulators/tls.ts";

describe("readCertificate", () => {
  it("reads the key and computes the SHA-256 thumbprint of the certificate that matches it", async () => {
    const [app, other] = [await createClientCertificate(), await createClientCertificate()];
    const otherCert = other.pem.slice(other.pem.indexOf("-----BEGIN CERTIFICATE-----"));
    // A chain in either order: the thumbprint is the one of the certificate that goes with the key.
    const credential = readCertificate(`${app.pem}\n${otherCert}`);
    expect(credential.kind).toBe("certificate");
    expect(credential.thumbprintSha256).toBe(Buffer.from(app.thumbprintSha256, "base64url").toString("hex"));
    expect(credential.thumbprintSha256).toBe(createHash("sha256").update(app.certDer).digest("hex"));
    expect(credential.privateKey).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(credential.notAfter.getTime()).toBe(new Date(new X509Certificate(app.certDer).validTo).getTime());
  });

  it("refuses a PEM without a certificate, with a key that matches none, or with an encrypted or non-RSA key", async () => {
    const app = await createClientCertificate();
    const keyOnly = app.pem.slice(0, app.pem.indexOf("-----BEGIN CERTIFICATE-----"));
    expect(() => readCertificate(keyOnly)).toThrow("expected the certificate (-----BEGIN CERTIFICATE-----) after the private key, found none");
    const other = await createClientCertificate();
    expect(() => readCertificate(keyOnly + other.pem.slice(other.pem.indexOf("-----BEGIN CERTIFICATE-----")))).toThrow("no certificate in the PEM matches the private key");
    const encrypted = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs8", format: "pem", cipher: "aes-256-cbc", passphrase: "p" }, publicKeyEncoding: { type: "spki", format: "pem" } }).privateKey;
    expect(() => readCertificate(encrypted)).toThrow(/the private key is encrypted/);
    const ec = generateKeyPairSync("ec", { namedCurve: "P-256", privateKeyEncoding: { type: "pkcs8", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } }).privateKey;
    expect(() => readCertificate(ec + app.pem.slice(app.pem.indexOf("-----BEGIN CERTIFICATE-----")))).toThrow("the private key is ec; Entra ID app certificates need an RSA key");
  });
});
