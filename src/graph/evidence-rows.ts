/**
 * Each evidence type a triager meets, as a row: its type word, the entity it names, and the
 * details that matter for that kind (a message's sender, recipient, subject and IDs; a process's
 * command line; an OAuth app's publisher). Pure.
 */
import type { SecurityNamespace as S } from "@microsoft/microsoft-graph-types";
import {
  accountText,
  Details,
  eachField,
  fieldOf,
  type Fields,
  fileDetails,
  filePath,
  hashName,
  ipOf,
  joinPath,
  list,
  num,
  other,
  type Raw,
  type Row,
  sender,
  str,
  strings,
} from "./evidence-fields.js";

const devices = {
  deviceEvidence: (raw: Fields<S.DeviceEvidence>): Row => {
    const d = new Details();
    d.text("OS", [str(raw.osPlatform), num(raw.osBuild)].filter(Boolean).join(" ") || null);
    const risk = str(raw.riskScore);
    d.text("risk", risk === "none" ? null : risk);
    d.code("device ID", str(raw.mdeDeviceId));
    d.code("IP", str(raw.lastIpAddress) ?? list(strings(raw.ipInterfaces)));
    d.code("external IP", str(raw.lastExternalIpAddress));
    const users = Array.isArray(raw.loggedOnUsers)
      ? raw.loggedOnUsers.flatMap((u) => joinPath(str(fieldOf<S.LoggedOnUser>(u, "domainName")), str(fieldOf<S.LoggedOnUser>(u, "accountName"))) ?? [])
      : [];
    d.code("logged on", list(users));
    return { type: "Device", entity: str(raw.deviceDnsName) ?? str(raw.hostName) ?? str(raw.mdeDeviceId), details: d };
  },
  userEvidence: (raw: Fields<S.UserEvidence>): Row => {
    const account = raw.userAccount;
    const entity = accountText(account);
    const d = new Details();
    d.code(undefined, other(str(fieldOf<S.UserAccount>(account, "userPrincipalName")), entity));
    d.text(undefined, other(str(fieldOf<S.UserAccount>(account, "displayName")), entity));
    d.code("SID", str(fieldOf<S.UserAccount>(account, "userSid")));
    return { type: "User", entity, details: d };
  },
  fileEvidence: (raw: Fields<S.FileEvidence>): Row => {
    const d = new Details();
    fileDetails(d, raw.fileDetails);
    d.text("detection", str(raw.detectionStatus));
    return { type: "File", entity: filePath(raw.fileDetails), details: d };
  },
  processEvidence: (raw: Fields<S.ProcessEvidence>): Row => {
    const d = new Details();
    d.code(undefined, str(raw.processCommandLine));
    d.text("PID", num(raw.processId));
    d.code("parent", filePath(raw.parentProcessImageFile));
    fileDetails(d, raw.imageFile);
    d.code("user", accountText(raw.userAccount));
    d.text("detection", str(raw.detectionStatus));
    return { type: "Process", entity: filePath(raw.imageFile), details: d };
  },
  fileHashEvidence: (raw: Fields<S.FileHashEvidence>): Row => ({ type: `File ${hashName(raw.algorithm)}`, entity: str(raw.value), details: new Details() }),
  malwareEvidence: (raw: Fields<S.MalwareEvidence>): Row => {
    const d = new Details();
    d.text("category", str(raw.category));
    d.code("files", list(Array.isArray(raw.files) ? raw.files.flatMap((f) => filePath(fieldOf<S.FileEvidence>(f, "fileDetails")) ?? []) : []));
    return { type: "Malware", entity: str(raw.name), details: d };
  },
  registryKeyEvidence: (raw: Fields<S.RegistryKeyEvidence>): Row => ({ type: "Registry key", entity: joinPath(str(raw.registryHive), str(raw.registryKey)), details: new Details() }),
  registryValueEvidence: (raw: Fields<S.RegistryValueEvidence>): Row => {
    const d = new Details();
    d.code("name", str(raw.registryValueName));
    d.code("value", str(raw.registryValue));
    d.text("type", str(raw.registryValueType));
    return { type: "Registry value", entity: joinPath(str(raw.registryHive), str(raw.registryKey)), details: d };
  },
  hostLogonSessionEvidence: (raw: Fields<S.HostLogonSessionEvidence>): Row => {
    const d = new Details();
    d.code("on", str(fieldOf<S.DeviceEvidence>(raw.host, "deviceDnsName")) ?? str(fieldOf<S.DeviceEvidence>(raw.host, "hostName")));
    d.code("session", str(raw.sessionId));
    return { type: "Sign-in session", entity: accountText(fieldOf<S.UserEvidence>(raw.account, "userAccount")), details: d };
  },
};

const network = {
  ipEvidence: (raw: Fields<S.IpEvidence>): Row => ({ type: "IP", entity: str(raw.ipAddress), details: new Details().text("country", str(raw.countryLetterCode)) }),
  urlEvidence: (raw: Fields<S.UrlEvidence>): Row => ({ type: "URL", entity: str(raw.url), details: new Details() }),
  dnsEvidence: (raw: Fields<S.DnsEvidence>): Row => {
    const d = new Details();
    d.code("resolved to", list(eachField<S.IpEvidence>(raw.ipAddresses, "ipAddress")));
    d.code("asked by", ipOf(raw.hostIpAddress));
    d.code("DNS server", ipOf(raw.dnsServerIp));
    return { type: "DNS", entity: str(raw.domainName), details: d };
  },
  networkConnectionEvidence: (raw: Fields<S.NetworkConnectionEvidence>): Row => {
    const endpoint = (ip: string | null, port: string | null) => (ip && port ? (ip.includes(":") ? `[${ip}]:${port}` : `${ip}:${port}`) : ip);
    const d = new Details();
    d.code("from", endpoint(ipOf(raw.sourceAddress), num(raw.sourcePort)));
    d.text("protocol", str(raw.protocol));
    return { type: "Network connection", entity: endpoint(ipOf(raw.destinationAddress), num(raw.destinationPort)), details: d };
  },
};

const mail = {
  mailboxEvidence: (raw: Fields<S.MailboxEvidence>): Row => {
    const entity = str(raw.primaryAddress) ?? str(raw.upn);
    const d = new Details();
    d.text(undefined, str(raw.displayName));
    d.code("UPN", other(str(raw.upn), entity));
    return { type: "Mailbox", entity, details: d };
  },
  analyzedMessageEvidence: (raw: Fields<S.AnalyzedMessageEvidence>): Row => {
    const d = new Details();
    const p1 = sender(raw.p1Sender);
    d.code("from", p1);
    d.code("header from", other(sender(raw.p2Sender), p1));
    d.code("to", str(raw.recipientEmailAddress));
    d.code("sender IP", str(raw.senderIp));
    d.code("Internet message ID", str(raw.internetMessageId));
    d.code("network message ID", str(raw.networkMessageId));
    d.text("delivery", [str(raw.deliveryAction), str(raw.deliveryLocation)].filter(Boolean).join(" → ") || null);
    d.text("detected by", list(strings(raw.threatDetectionMethods)));
    const urls = strings(raw.urls);
    d.code(urls.length === 1 ? "URL" : `${urls.length} URLs, first`, urls[0] ?? null);
    return { type: "E-mail", entity: str(raw.subject), details: d };
  },
  mailClusterEvidence: (raw: Fields<S.MailClusterEvidence>): Row => {
    const d = new Details();
    d.text("clustered by", str(raw.clusterBy));
    d.text("e-mails", num(raw.emailCount));
    d.code("query", str(raw.query));
    return { type: "E-mail cluster", entity: str(raw.clusterByValue) ?? str(raw.urn), details: d };
  },
  submissionMailEvidence: (raw: Fields<S.SubmissionMailEvidence>): Row => {
    const d = new Details();
    d.code("from", str(raw.sender));
    d.code("to", str(raw.recipient));
    d.code("sender IP", str(raw.senderIp));
    d.code("network message ID", str(raw.networkMessageId));
    d.code("reported by", str(raw.submitter));
    d.text("as", str(raw.reportType));
    return { type: "Reported e-mail", entity: str(raw.subject), details: d };
  },
  mailboxConfigurationEvidence: (raw: Fields<S.MailboxConfigurationEvidence>): Row => {
    const d = new Details();
    d.text(undefined, str(raw.configurationType));
    d.text(undefined, str(raw.displayName));
    d.code("ID", str(raw.configurationId));
    return { type: "Mailbox configuration", entity: str(raw.mailboxPrimaryAddress) ?? str(raw.upn), details: d };
  },
  teamsMessageEvidence: (raw: Fields<S.TeamsMessageEvidence>): Row => {
    const d = new Details();
    d.code("from", str(raw.senderFromAddress));
    d.code("to", list(strings(raw.recipients)));
    d.code("sender IP", str(raw.senderIP));
    d.code("message ID", str(raw.messageId));
    d.text("delivery", [str(raw.deliveryAction), str(raw.deliveryLocation)].filter(Boolean).join(" → ") || null);
    const urls = eachField<S.UrlEvidence>(raw.urls, "url");
    d.code(urls.length === 1 ? "URL" : `${urls.length} URLs, first`, urls[0] ?? null);
    return { type: "Teams message", entity: str(raw.subject), details: d };
  },
};

const identities = {
  securityGroupEvidence: (raw: Fields<S.SecurityGroupEvidence>): Row => {
    const entity = str(raw.displayName) ?? str(raw.friendlyName) ?? str(raw.distinguishedName);
    const d = new Details();
    d.code("DN", other(str(raw.distinguishedName), entity));
    d.code("SID", str(raw.sid));
    return { type: "Security group", entity, details: d };
  },
  servicePrincipalEvidence: (raw: Fields<S.ServicePrincipalEvidence>): Row => {
    const d = new Details();
    d.code("app ID", str(raw.appId));
    d.code("object ID", str(raw.servicePrincipalObjectId));
    d.text("type", str(raw.servicePrincipalType));
    return { type: "Service principal", entity: str(raw.servicePrincipalName) ?? str(raw.appId), details: d };
  },
  cloudLogonSessionEvidence: (raw: Fields<S.CloudLogonSessionEvidence>): Row => {
    const d = new Details();
    d.code("device", str(raw.deviceName));
    d.text("OS", str(raw.operatingSystem));
    d.text("browser", str(raw.browser));
    d.code("user agent", str(raw.userAgent));
    d.code("session", str(raw.sessionId));
    return { type: "Cloud sign-in session", entity: accountText(fieldOf<S.UserEvidence>(raw.account, "userAccount")), details: d };
  },
  cloudApplicationEvidence: (raw: Fields<S.CloudApplicationEvidence>): Row => {
    const entity = str(raw.displayName);
    const d = new Details();
    d.text("app ID", num(raw.appId) ?? str(raw.appId));
    d.text("instance", other(str(raw.instanceName), entity));
    return { type: "Cloud app", entity, details: d };
  },
  oauthApplicationEvidence: (raw: Fields<S.OauthApplicationEvidence>): Row => {
    const d = new Details();
    d.code("app ID", str(raw.appId));
    d.text("publisher", str(raw.publisher));
    return { type: "OAuth app", entity: str(raw.displayName) ?? str(raw.appId), details: d };
  },
};

/** Each named type (the name after `#microsoft.graph.security.`): its row. */
export const ROWS: Readonly<Record<string, (raw: Raw) => Row>> = { ...devices, ...network, ...mail, ...identities };
