/** The client-certificate input: a PEM with the private key and its certificate. */
import { createHash, createPrivateKey, type KeyObject, X509Certificate } from "node:crypto";

export interface CertificateCredential {
  kind: "certificate";
  privateKey: string;
  /** Hex SHA-256 of the certificate's DER: MSAL puts it in the assertion's `x5t#S256` header. */
  thumbprintSha256: string;
  notAfter: Date;
}

const BLOCK = /-----BEGIN ([A-Z ]+)-----\r?\n[\s\S]*?-----END \1-----/g;

/** Reads the PEM; throws with what is wrong (the message never contains key material). */
export function readCertificate(pem: string): CertificateCredential {
  const blocks = Array.from(pem.matchAll(BLOCK), (m) => ({ type: m[1]!, text: m[0] }));
  const keyBlocks = blocks.filter((b) => b.type.endsWith("PRIVATE KEY"));
  const certBlocks = blocks.filter((b) => b.type === "CERTIFICATE");
  if (keyBlocks.some((b) => b.type === "ENCRYPTED PRIVATE KEY") || /Proc-Type: 4,ENCRYPTED/.test(pem)) {
    throw new Error("the private key is encrypted; give it unencrypted (store the PEM as a secret), e.g. openssl pkcs12 -in app.pfx -nodes");
  }
  if (keyBlocks.length !== 1) throw new Error(`expected one PEM private key block, found ${keyBlocks.length}`);
  if (certBlocks.length === 0) throw new Error("expected the certificate (-----BEGIN CERTIFICATE-----) after the private key, found none");
  let key: KeyObject;
  try {
    key = createPrivateKey(keyBlocks[0]!.text);
  } catch {
    throw new Error("the private key block could not be read");
  }
  if (key.asymmetricKeyType !== "rsa") throw new Error(`the private key is ${key.asymmetricKeyType}; Entra ID app certificates need an RSA key`);
  // With a chain, the certificate that goes with the key is the app's own.
  const certificate = certBlocks
    .map((block) => {
      try {
        return new X509Certificate(block.text);
      } catch {
        return undefined;
      }
    })
    .find((cert) => cert?.checkPrivateKey(key));
  if (!certificate) throw new Error("no certificate in the PEM matches the private key");
  return {
    kind: "certificate",
    privateKey: key.export({ format: "pem", type: "pkcs8" }).toString(),
    thumbprintSha256: createHash("sha256").update(certificate.raw).digest("hex"),
    notAfter: new Date(certificate.validTo),
  };
}
