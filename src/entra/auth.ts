/** Access tokens for the Defender API: MSAL's confidential client, its network on our dispatcher. */
import { ConfidentialClientApplication, LogLevel, type INetworkModule, type NetworkRequestOptions, type NetworkResponse } from "@azure/msal-node";
import type { Dispatcher } from "undici";
import type { Cloud, Credential } from "../config.js";
import { type HttpResponse, type HttpTuning, isTransientError, isTransientStatus, retryAfterMs, send, withRetries } from "../http.js";
import { explainSignInError } from "./errors.js";
import { readClaims, type TokenClaims } from "./token.js";

export interface TokenSource {
  /** A valid access token; MSAL's cache answers until the token nears expiry. */
  token(options?: { refresh?: boolean }): Promise<string>;
  /** Claims of the last access token (its `roles` explain a 403). */
  claims(): TokenClaims;
}

export interface SignInSettings {
  tenantId: string;
  clientId: string;
  credential: Credential;
  cloud: Cloud;
}

export interface AuthHooks {
  /** Registers a value that must never be printed (core.setSecret). */
  mask(value: string): void;
  /** The job's GitHub ID token for an audience (core.getIDToken), for federation. */
  idToken(audience: string): Promise<string>;
  debug(message: string): void;
  retrying(message: string): void;
}

// Hosts whose endpoints MSAL knows without asking; any other authority host must be declared known.
const MSAL_BUILT_IN_HOSTS = new Set(["login.microsoftonline.com", "login.microsoftonline.us", "login.chinacloudapi.cn", "login.partner.microsoftonline.cn", "login.windows.net", "login.microsoft.com", "sts.windows.net"]);

export function createTokenSource(settings: SignInSettings, dispatcher: Dispatcher, tuning: HttpTuning, hooks: AuthHooks): TokenSource {
  const authorityUrl = new URL(settings.cloud.authorityHost);
  const authority = `${authorityUrl.origin}/${settings.tenantId}`;
  const knownAuthorities = MSAL_BUILT_IN_HOSTS.has(authorityUrl.hostname) ? [] : [authorityUrl.host];
  let presented: TokenClaims | undefined;
  let last: TokenClaims = { roles: [] };
  const idToken = async () => {
    const token = await hooks.idToken(settings.cloud.oidcAudience);
    hooks.mask(token);
    presented = readClaims(token);
    return token;
  };
  const app = new ConfidentialClientApplication({
    auth: {
      clientId: settings.clientId,
      authority,
      knownAuthorities,
      // A host MSAL does not know gets Entra's endpoint layout, as the built-in hosts do: no discovery
      // request, and a wrong tenant answers with its AADSTS code rather than a discovery failure.
      ...(knownAuthorities.length > 0 ? { authorityMetadata: JSON.stringify(entraMetadata(authority)) } : {}),
      ...credentialOptions(settings.credential, idToken),
    },
    system: {
      networkClient: networkClient(dispatcher, tuning, hooks),
      loggerOptions: {
        piiLoggingEnabled: false,
        logLevel: LogLevel.Warning,
        loggerCallback: (_level, message) => hooks.debug(`msal: ${message}`),
      },
    },
  });
  return {
    async token(options = {}) {
      let result;
      try {
        result = await app.acquireTokenByClientCredential({ scopes: [settings.cloud.apiScope], skipCache: options.refresh ?? false });
      } catch (error) {
        throw explainSignInError(error, authorityUrl.origin, { presented, audience: settings.cloud.oidcAudience });
      }
      if (!result?.accessToken) throw explainSignInError(new Error("no access token in the reply"), authorityUrl.origin);
      hooks.mask(result.accessToken);
      last = readClaims(result.accessToken);
      return result.accessToken;
    },
    claims: () => last,
  };
}

function entraMetadata(authority: string) {
  return {
    token_endpoint: `${authority}/oauth2/v2.0/token`,
    authorization_endpoint: `${authority}/oauth2/v2.0/authorize`,
    end_session_endpoint: `${authority}/oauth2/v2.0/logout`,
    issuer: `${authority}/v2.0`,
    jwks_uri: `${authority}/discovery/v2.0/keys`,
  };
}

/** The one place a credential becomes MSAL's: secret, certificate (x5t#S256 from its thumbprint), or assertion. */
function credentialOptions(credential: Credential, idToken: () => Promise<string>) {
  switch (credential.kind) {
    case "secret":
      return { clientSecret: credential.secret };
    case "certificate":
      return { clientCertificate: { thumbprintSha256: credential.thumbprintSha256, privateKey: credential.privateKey } };
    case "oidc":
      // MSAL asks on every token request, so an expired ID token is never reused.
      return { clientAssertion: idToken };
  }
}

/**
 * MSAL's network, on undici so that proxies and timeouts match the Defender client. Transient
 * failures are retried here, below MSAL: MSAL would otherwise refuse to ask again for a minute.
 */
function networkClient(dispatcher: Dispatcher, tuning: HttpTuning, hooks: AuthHooks): INetworkModule {
  const exchange = async <T>(method: "GET" | "POST", url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> => {
    const what = `Entra ID ${method} ${new URL(url).pathname}`;
    const response = await withRetries<HttpResponse>(what, tuning, async () => {
      try {
        const reply = await send(dispatcher, { method, url, headers: options?.headers, body: options?.body });
        if (isTransientStatus(reply.status)) return { retry: `HTTP ${reply.status}`, afterMs: retryAfterMs(reply.headers["retry-after"]) };
        return { done: reply };
      } catch (error) {
        if (isTransientError(error)) return { retry: (error as Error).message };
        throw error;
      }
    }, hooks.retrying);
    let body: unknown = {};
    try {
      body = response.text ? JSON.parse(response.text) : {};
    } catch {
      body = { error: "invalid_response", error_description: `Entra ID answered HTTP ${response.status} with a body that is not JSON` };
    }
    return { status: response.status, headers: response.headers, body: body as T };
  };
  return {
    sendGetRequestAsync: (url, options) => exchange("GET", url, options),
    sendPostRequestAsync: (url, options) => exchange("POST", url, options),
  };
}
