export const id = 661;
export const ids = [661];
export const modules = {

/***/ 10661:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  GraphClient: () => (/* binding */ GraphClient),
  MAX_INCIDENT_PAGE_SIZE: () => (/* binding */ MAX_INCIDENT_PAGE_SIZE),
  MAX_PAGE_SIZE: () => (/* binding */ MAX_PAGE_SIZE),
  REQUESTS_PER_MINUTE: () => (/* binding */ REQUESTS_PER_MINUTE)
});

// EXTERNAL MODULE: ./src/http.ts
var http = __webpack_require__(76803);
// EXTERNAL MODULE: ./src/source/odata.ts
var odata = __webpack_require__(71380);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 6 modules
var schemas = __webpack_require__(50000);
// EXTERNAL MODULE: ./src/source/fields.ts
var fields = __webpack_require__(88772);
// EXTERNAL MODULE: ./src/issue/marker.ts
var marker = __webpack_require__(69745);
// EXTERNAL MODULE: ./src/source/alert.ts
var source_alert = __webpack_require__(15927);
// EXTERNAL MODULE: ./src/source/compact.ts
var compact = __webpack_require__(34444);
;// CONCATENATED MODULE: ./src/graph/evidence-fields.ts
function isRecord(value) {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}
/** A string field; anything else (a number, an object, a wrong type) reads as none. */
function str(value) {
    return typeof value === "string" && value !== "" ? value : null;
}
function num(value) {
    return typeof value === "number" && Number.isFinite(value) ? String(value) : null;
}
function strings(value) {
    return Array.isArray(value) ? value.filter((item) => typeof item === "string" && item !== "") : [];
}
/** A field of a complex value, named as Microsoft's type names it. */
function fieldOf(raw, name) {
    return isRecord(raw) ? raw[name] : undefined;
}
/** A string field of each complex value in a list (`ipAddresses[].ipAddress`). */
function eachField(list, name) {
    return Array.isArray(list) ? list.flatMap((item) => str(fieldOf(item, name)) ?? []) : [];
}
function joinPath(dir, name, separator = "\\") {
    if (dir && name)
        return `${dir.replace(/[\\/]+$/, "")}${separator}${name}`;
    return name ?? dir;
}
/**
 * `DOMAIN\account` for a NetBIOS domain; the UPN for a cloud account (its domain a DNS name);
 * else what there is.
 */
function accountText(account) {
    const name = str(fieldOf(account, "accountName"));
    const domain = str(fieldOf(account, "domainName"));
    const upn = str(fieldOf(account, "userPrincipalName"));
    if (name && domain && !(domain.includes(".") && upn))
        return `${domain}\\${name}`;
    return upn ?? name ?? str(fieldOf(account, "displayName"));
}
/** `Name <address>`, or whichever of the two there is. */
function sender(value) {
    const address = str(fieldOf(value, "emailAddress"));
    const name = str(fieldOf(value, "displayName"));
    if (address && name && name !== address)
        return `${name} <${address}>`;
    return address ?? name;
}
/** The IP address an `ipEvidence` value names. */
function ipOf(value) {
    return str(fieldOf(value, "ipAddress"));
}
/** A value that repeats the entity says nothing more. */
function other(value, entity) {
    return value === entity ? null : value;
}
function list(values) {
    return values.length > 0 ? values.join(", ") : null;
}
/** The parts of an evidence row's details, in order; empty values are left out. */
class Details {
    parts = [];
    /** `label` is ours, never text from the reply: it is written into the body as it is. */
    code(label, value) {
        if (value)
            this.parts.push(label ? { label, code: value } : { code: value });
        return this;
    }
    text(label, value) {
        if (value)
            this.parts.push(label ? { label, text: value } : { text: value });
        return this;
    }
}
/** The file's path and name as one. */
function filePath(file) {
    return joinPath(str(fieldOf(file, "filePath")), str(fieldOf(file, "fileName")));
}
/** The strongest hash of a file, and its signer. */
function fileDetails(details, file) {
    const sha256 = str(fieldOf(file, "sha256"));
    const sha1 = str(fieldOf(file, "sha1"));
    if (sha256)
        details.code("SHA-256", sha256);
    else if (sha1)
        details.code("SHA-1", sha1);
    else
        details.code("MD5", str(fieldOf(file, "md5")));
    details.text("signer", str(fieldOf(file, "signer")));
}
const HASH_NAMES = { md5: "MD5", sha1: "SHA-1", sha256: "SHA-256", sha256ac: "SHA-256 AC" };
/** A hash algorithm's name as we write it; the algorithm comes from the reply, so only ours are names. */
function hashName(algorithm) {
    const name = str(algorithm)?.toLowerCase();
    return name !== undefined && Object.hasOwn(HASH_NAMES, name) ? HASH_NAMES[name] : "hash";
}

;// CONCATENATED MODULE: ./src/graph/evidence-cloud.ts

/** `namespace/name`, as kubectl names a namespaced object. */
function namespaced(raw) {
    const namespace = fieldOf(raw, "namespace");
    return joinPath(str(fieldOf(namespace, "name")), str(fieldOf(raw, "name")), "/");
}
function clusterOf(namespace) {
    return str(fieldOf(fieldOf(namespace, "cluster"), "name"));
}
const cloud = {
    azureResourceEvidence: (raw) => {
        const d = new Details();
        d.text("type", str(raw.resourceType));
        d.code("ID", str(raw.resourceId));
        return { type: "Azure resource", entity: str(raw.resourceName) ?? str(raw.resourceId), details: d };
    },
    amazonResourceEvidence: (raw) => {
        const entity = str(raw.resourceName) ?? str(raw.amazonResourceId);
        const d = new Details();
        d.text("type", str(raw.resourceType));
        d.code("ID", other(str(raw.amazonResourceId), entity));
        d.code("account", str(raw.amazonAccountId));
        return { type: "AWS resource", entity, details: d };
    },
    googleCloudResourceEvidence: (raw) => {
        const entity = str(raw.resourceName) ?? str(raw.fullResourceName);
        const d = new Details();
        d.text("type", str(raw.resourceType));
        d.code("full name", other(str(raw.fullResourceName), entity));
        d.code("project", str(raw.projectId));
        d.text("location", str(raw.location));
        return { type: "Google Cloud resource", entity, details: d };
    },
    blobContainerEvidence: (raw) => {
        const d = new Details();
        d.code("storage", str(fieldOf(raw.storageResource, "resourceName")));
        return { type: "Blob container", entity: str(raw.url) ?? str(raw.name), details: d };
    },
    blobEvidence: (raw) => {
        const d = new Details();
        d.code("container", str(fieldOf(raw.blobContainer, "name")));
        for (const hash of Array.isArray(raw.fileHashes) ? raw.fileHashes : []) {
            d.code(hashName(fieldOf(hash, "algorithm")), str(fieldOf(hash, "value")));
        }
        return { type: "Blob", entity: str(raw.url) ?? str(raw.name), details: d };
    },
};
const kubernetes = {
    kubernetesClusterEvidence: (raw) => {
        const d = new Details();
        d.text("platform", str(raw.platform));
        d.text("distribution", str(raw.distribution));
        d.text("version", str(raw.version));
        return { type: "Kubernetes cluster", entity: str(raw.name), details: d };
    },
    kubernetesNamespaceEvidence: (raw) => ({
        type: "Kubernetes namespace",
        entity: str(raw.name),
        details: new Details().code("cluster", str(fieldOf(raw.cluster, "name"))),
    }),
    kubernetesPodEvidence: (raw) => {
        const d = new Details();
        d.code("cluster", clusterOf(raw.namespace));
        d.code("IP", ipOf(raw.podIp));
        d.code("containers", list(eachField(raw.containers, "name")));
        d.code("service account", str(fieldOf(raw.serviceAccount, "name")));
        return { type: "Kubernetes pod", entity: namespaced(raw), details: d };
    },
    kubernetesControllerEvidence: (raw) => ({
        type: "Kubernetes controller",
        entity: namespaced(raw),
        details: new Details().text("type", str(raw.type)).code("cluster", clusterOf(raw.namespace)),
    }),
    kubernetesServiceEvidence: (raw) => {
        const d = new Details();
        d.text("type", str(raw.serviceType));
        d.code("cluster IP", ipOf(raw.clusterIP));
        d.code("external IPs", list(eachField(raw.externalIPs, "ipAddress")));
        d.code("cluster", clusterOf(raw.namespace));
        return { type: "Kubernetes service", entity: namespaced(raw), details: d };
    },
    kubernetesServiceAccountEvidence: (raw) => ({
        type: "Kubernetes service account",
        entity: namespaced(raw),
        details: new Details().code("cluster", clusterOf(raw.namespace)),
    }),
    kubernetesSecretEvidence: (raw) => ({
        type: "Kubernetes secret",
        entity: namespaced(raw),
        details: new Details().text("type", str(raw.secretType)).code("cluster", clusterOf(raw.namespace)),
    }),
    containerEvidence: (raw) => {
        const d = new Details();
        d.code("image", str(fieldOf(raw.image, "imageId")));
        d.code("command", [...strings(raw.command), ...strings(raw.args)].join(" ") || null);
        d.text(undefined, raw.isPrivileged === true ? "privileged" : null);
        d.code("pod", namespaced(raw.pod));
        d.code("container ID", str(raw.containerId));
        return { type: "Container", entity: str(raw.name) ?? str(raw.containerId), details: d };
    },
    containerImageEvidence: (raw) => ({
        type: "Container image",
        entity: str(raw.imageId),
        details: new Details().code("registry", str(fieldOf(raw.registry, "registry"))),
    }),
    containerRegistryEvidence: (raw) => ({ type: "Container registry", entity: str(raw.registry), details: new Details() }),
};
const CLOUD_ROWS = { ...cloud, ...kubernetes };

;// CONCATENATED MODULE: ./src/graph/evidence-rows.ts

const devices = {
    deviceEvidence: (raw) => {
        const d = new Details();
        d.text("OS", [str(raw.osPlatform), num(raw.osBuild)].filter(Boolean).join(" ") || null);
        const risk = str(raw.riskScore);
        d.text("risk", risk === "none" ? null : risk);
        d.code("device ID", str(raw.mdeDeviceId));
        d.code("IP", str(raw.lastIpAddress) ?? list(strings(raw.ipInterfaces)));
        d.code("external IP", str(raw.lastExternalIpAddress));
        const users = Array.isArray(raw.loggedOnUsers)
            ? raw.loggedOnUsers.flatMap((u) => joinPath(str(fieldOf(u, "domainName")), str(fieldOf(u, "accountName"))) ?? [])
            : [];
        d.code("logged on", list(users));
        return { type: "Device", entity: str(raw.deviceDnsName) ?? str(raw.hostName) ?? str(raw.mdeDeviceId), details: d };
    },
    userEvidence: (raw) => {
        const account = raw.userAccount;
        const entity = accountText(account);
        const d = new Details();
        d.code(undefined, other(str(fieldOf(account, "userPrincipalName")), entity));
        d.text(undefined, other(str(fieldOf(account, "displayName")), entity));
        d.code("SID", str(fieldOf(account, "userSid")));
        return { type: "User", entity, details: d };
    },
    fileEvidence: (raw) => {
        const d = new Details();
        fileDetails(d, raw.fileDetails);
        d.text("detection", str(raw.detectionStatus));
        return { type: "File", entity: filePath(raw.fileDetails), details: d };
    },
    processEvidence: (raw) => {
        const d = new Details();
        d.code(undefined, str(raw.processCommandLine));
        d.text("PID", num(raw.processId));
        d.code("parent", filePath(raw.parentProcessImageFile));
        fileDetails(d, raw.imageFile);
        d.code("user", accountText(raw.userAccount));
        d.text("detection", str(raw.detectionStatus));
        return { type: "Process", entity: filePath(raw.imageFile), details: d };
    },
    fileHashEvidence: (raw) => ({ type: `File ${hashName(raw.algorithm)}`, entity: str(raw.value), details: new Details() }),
    malwareEvidence: (raw) => {
        const d = new Details();
        d.text("category", str(raw.category));
        d.code("files", list(Array.isArray(raw.files) ? raw.files.flatMap((f) => filePath(fieldOf(f, "fileDetails")) ?? []) : []));
        return { type: "Malware", entity: str(raw.name), details: d };
    },
    registryKeyEvidence: (raw) => ({ type: "Registry key", entity: joinPath(str(raw.registryHive), str(raw.registryKey)), details: new Details() }),
    registryValueEvidence: (raw) => {
        const d = new Details();
        d.code("name", str(raw.registryValueName));
        d.code("value", str(raw.registryValue));
        d.text("type", str(raw.registryValueType));
        return { type: "Registry value", entity: joinPath(str(raw.registryHive), str(raw.registryKey)), details: d };
    },
    hostLogonSessionEvidence: (raw) => {
        const d = new Details();
        d.code("on", str(fieldOf(raw.host, "deviceDnsName")) ?? str(fieldOf(raw.host, "hostName")));
        d.code("session", str(raw.sessionId));
        return { type: "Sign-in session", entity: accountText(fieldOf(raw.account, "userAccount")), details: d };
    },
};
const network = {
    ipEvidence: (raw) => ({ type: "IP", entity: str(raw.ipAddress), details: new Details().text("country", str(raw.countryLetterCode)) }),
    urlEvidence: (raw) => ({ type: "URL", entity: str(raw.url), details: new Details() }),
    dnsEvidence: (raw) => {
        const d = new Details();
        d.code("resolved to", list(eachField(raw.ipAddresses, "ipAddress")));
        d.code("asked by", ipOf(raw.hostIpAddress));
        d.code("DNS server", ipOf(raw.dnsServerIp));
        return { type: "DNS", entity: str(raw.domainName), details: d };
    },
    networkConnectionEvidence: (raw) => {
        const endpoint = (ip, port) => (ip && port ? (ip.includes(":") ? `[${ip}]:${port}` : `${ip}:${port}`) : ip);
        const d = new Details();
        d.code("from", endpoint(ipOf(raw.sourceAddress), num(raw.sourcePort)));
        d.text("protocol", str(raw.protocol));
        return { type: "Network connection", entity: endpoint(ipOf(raw.destinationAddress), num(raw.destinationPort)), details: d };
    },
};
const mail = {
    mailboxEvidence: (raw) => {
        const entity = str(raw.primaryAddress) ?? str(raw.upn);
        const d = new Details();
        d.text(undefined, str(raw.displayName));
        d.code("UPN", other(str(raw.upn), entity));
        return { type: "Mailbox", entity, details: d };
    },
    analyzedMessageEvidence: (raw) => {
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
    mailClusterEvidence: (raw) => {
        const d = new Details();
        d.text("clustered by", str(raw.clusterBy));
        d.text("e-mails", num(raw.emailCount));
        d.code("query", str(raw.query));
        return { type: "E-mail cluster", entity: str(raw.clusterByValue) ?? str(raw.urn), details: d };
    },
    submissionMailEvidence: (raw) => {
        const d = new Details();
        d.code("from", str(raw.sender));
        d.code("to", str(raw.recipient));
        d.code("sender IP", str(raw.senderIp));
        d.code("network message ID", str(raw.networkMessageId));
        d.code("reported by", str(raw.submitter));
        d.text("as", str(raw.reportType));
        return { type: "Reported e-mail", entity: str(raw.subject), details: d };
    },
    mailboxConfigurationEvidence: (raw) => {
        const d = new Details();
        d.text(undefined, str(raw.configurationType));
        d.text(undefined, str(raw.displayName));
        d.code("ID", str(raw.configurationId));
        return { type: "Mailbox configuration", entity: str(raw.mailboxPrimaryAddress) ?? str(raw.upn), details: d };
    },
    teamsMessageEvidence: (raw) => {
        const d = new Details();
        d.code("from", str(raw.senderFromAddress));
        d.code("to", list(strings(raw.recipients)));
        d.code("sender IP", str(raw.senderIP));
        d.code("message ID", str(raw.messageId));
        d.text("delivery", [str(raw.deliveryAction), str(raw.deliveryLocation)].filter(Boolean).join(" → ") || null);
        const urls = eachField(raw.urls, "url");
        d.code(urls.length === 1 ? "URL" : `${urls.length} URLs, first`, urls[0] ?? null);
        return { type: "Teams message", entity: str(raw.subject), details: d };
    },
};
const identities = {
    securityGroupEvidence: (raw) => {
        const entity = str(raw.displayName) ?? str(raw.friendlyName) ?? str(raw.distinguishedName);
        const d = new Details();
        d.code("DN", other(str(raw.distinguishedName), entity));
        d.code("SID", str(raw.sid));
        return { type: "Security group", entity, details: d };
    },
    servicePrincipalEvidence: (raw) => {
        const d = new Details();
        d.code("app ID", str(raw.appId));
        d.code("object ID", str(raw.servicePrincipalObjectId));
        d.text("type", str(raw.servicePrincipalType));
        return { type: "Service principal", entity: str(raw.servicePrincipalName) ?? str(raw.appId), details: d };
    },
    cloudLogonSessionEvidence: (raw) => {
        const d = new Details();
        d.code("device", str(raw.deviceName));
        d.text("OS", str(raw.operatingSystem));
        d.text("browser", str(raw.browser));
        d.code("user agent", str(raw.userAgent));
        d.code("session", str(raw.sessionId));
        return { type: "Cloud sign-in session", entity: accountText(fieldOf(raw.account, "userAccount")), details: d };
    },
    cloudApplicationEvidence: (raw) => {
        const entity = str(raw.displayName);
        const d = new Details();
        d.text("app ID", num(raw.appId) ?? str(raw.appId));
        d.text("instance", other(str(raw.instanceName), entity));
        return { type: "Cloud app", entity, details: d };
    },
    oauthApplicationEvidence: (raw) => {
        const d = new Details();
        d.code("app ID", str(raw.appId));
        d.text("publisher", str(raw.publisher));
        return { type: "OAuth app", entity: str(raw.displayName) ?? str(raw.appId), details: d };
    },
};
/** Each named type (the name after `#microsoft.graph.security.`): its row. */
const ROWS = { ...devices, ...network, ...mail, ...identities };

;// CONCATENATED MODULE: ./src/graph/evidence.ts



const evidence_ROWS = { ...ROWS, ...CLOUD_ROWS };
/** The types that are one of our kinds; every other is `other`. */
const KINDS = { deviceEvidence: "device", userEvidence: "user", mailboxEvidence: "mailbox", fileEvidence: "file" };
const NAMESPACE = /^#?microsoft\.graph\.security\./i;
/** The verdict, roles and remediation every evidence type carries, when they say something. */
function common(details, raw) {
    const verdict = str(raw.verdict);
    if (verdict && verdict !== "unknown")
        details.text("verdict", verdict);
    details.text("role", strings(raw.roles).join(", ") || null);
    const remediation = str(raw.remediationStatus);
    if (remediation && remediation !== "none" && remediation !== "unknown")
        details.text("remediation", remediation);
}
// Shown for a type not named in ROWS: its plain fields, never nested ones, in the order Graph sent them.
const GENERIC_SKIP = new Set(["@odata.type", "createdDateTime", "verdict", "remediationStatus", "remediationStatusDetails", "roles", "detailedRoles", "tags"]);
const GENERIC_FIELDS_MAX = 6;
// The field's name comes from the reply too, and a detail's label is written as it is: only a
// plain identifier is shown as one.
const PLAIN_NAME = /^[A-Za-z][A-Za-z0-9]{0,40}$/;
function generic(name, raw) {
    const d = new Details();
    let shown = 0;
    for (const [key, value] of Object.entries(raw)) {
        if (GENERIC_SKIP.has(key) || shown >= GENERIC_FIELDS_MAX)
            continue;
        const plain = str(value) ?? num(value) ?? (typeof value === "boolean" ? String(value) : null);
        if (plain === null)
            continue;
        d.code(PLAIN_NAME.test(key) ? key : undefined, plain);
        shown++;
    }
    return { type: name, entity: null, details: d };
}
/** The type's name without its namespace or `Evidence` (`#microsoft.graph.security.dnsEvidence` → `dns`). */
function typeName(odataType) {
    if (!odataType)
        return null;
    const bare = odataType.replace(NAMESPACE, "");
    return bare.replace(/Evidence$/, "") || bare;
}
/** One evidence entry, or none when it is not an object. */
function graphEvidence(raw) {
    if (!isRecord(raw))
        return undefined;
    const odataType = str(raw["@odata.type"]);
    const name = odataType && NAMESPACE.test(odataType) ? odataType.replace(NAMESPACE, "") : null;
    // Own properties only: a type named `constructor` or `__proto__` is not one of ours.
    const row = name !== null && Object.hasOwn(evidence_ROWS, name) ? evidence_ROWS[name] : undefined;
    const { type, entity, details } = row ? row(raw) : generic(typeName(odataType) ?? "Evidence", raw);
    common(details, raw);
    const kind = name !== null && Object.hasOwn(KINDS, name) ? KINDS[name] : "other";
    const shown = { kind, type, entity, details: details.parts };
    if (name === "deviceEvidence") {
        const device = raw;
        return { kind: "device", deviceDnsName: str(device.deviceDnsName), mdeDeviceId: str(device.mdeDeviceId), rbacGroupName: str(device.rbacGroupName), shown };
    }
    if (name === "userEvidence") {
        const user = raw;
        return { kind: "user", account: accountText(user.userAccount), shown };
    }
    return { kind: "other", shown };
}

// EXTERNAL MODULE: ./src/issue/vocabulary.ts
var vocabulary = __webpack_require__(81731);
;// CONCATENATED MODULE: ./src/graph/vocabulary.ts

const SEVERITY_FROM_GRAPH = {
    unknown: "UnSpecified",
    informational: "Informational",
    low: "Low",
    medium: "Medium",
    high: "High",
};
const STATUS_FROM_GRAPH = {
    unknown: "Unknown",
    new: "New",
    inProgress: "InProgress",
    resolved: "Resolved",
};
// Graph's `unknown` classification and determination mean "not set".
const CLASSIFICATION_FROM_GRAPH = {
    unknown: null,
    falsePositive: "FalsePositive",
    truePositive: "TruePositive",
    informationalExpectedActivity: "InformationalExpectedActivity",
};
const DETERMINATION_FROM_GRAPH = {
    unknown: null,
    apt: "Apt",
    malware: "Malware",
    securityPersonnel: "SecurityPersonnel",
    securityTesting: "SecurityTesting",
    unwantedSoftware: "UnwantedSoftware",
    other: "Other",
    multiStagedAttack: "MultiStagedAttack",
    compromisedAccount: "CompromisedUser",
    phishing: "Phishing",
    maliciousUserActivity: "MaliciousUserActivity",
    notMalicious: "NotMalicious",
    notEnoughDataToValidate: "InsufficientData",
    confirmedActivity: "ConfirmedActivity",
    lineOfBusinessApplication: "LineOfBusinessApplication",
};
/**
 * The other spellings of the four disputed determinations, which Microsoft's update page uses and
 * its schema does not: sent only as the one fallback after Graph refuses the schema's.
 */
const DOCUMENTED_DETERMINATIONS = {
    CompromisedUser: "compromisedUser",
    NotMalicious: "clean",
    InsufficientData: "insufficientData",
    ConfirmedActivity: "confirmedUserActivity",
};
// Read back too: a documented spelling, should Graph ever return one, is the same determination.
const DETERMINATION_READ = {
    ...DETERMINATION_FROM_GRAPH,
    ...Object.fromEntries(Object.entries(DOCUMENTED_DETERMINATIONS).map(([value, documented]) => [documented, value])),
};
function lookup(map, value) {
    return value !== null && value !== undefined && Object.hasOwn(map, value) ? map[value] : undefined;
}
/** Our spelling of a Graph value, case-insensitively (Microsoft's examples use both cases); other values as they are. */
function ours(map, value) {
    if (value === null || value === undefined || value === "")
        return null;
    const key = Object.keys(map).find((k) => k.toLowerCase() === value.toLowerCase());
    return key === undefined ? value : map[key];
}
function severityFromGraph(value) {
    return ours(SEVERITY_FROM_GRAPH, value);
}
function statusFromGraph(value) {
    return ours(STATUS_FROM_GRAPH, value);
}
function classificationFromGraph(value) {
    return ours(CLASSIFICATION_FROM_GRAPH, value);
}
function determinationFromGraph(value) {
    return ours(DETERMINATION_READ, value);
}
function reverse(map) {
    return Object.fromEntries(Object.entries(map).flatMap(([graph, our]) => (our === null ? [] : [[our, graph]])));
}
const SEVERITY_TO_GRAPH = reverse(SEVERITY_FROM_GRAPH);
const STATUS_TO_GRAPH = reverse(STATUS_FROM_GRAPH);
const CLASSIFICATION_TO_GRAPH = reverse(CLASSIFICATION_FROM_GRAPH);
const DETERMINATION_TO_GRAPH = {
    ...reverse(DETERMINATION_FROM_GRAPH),
    // Our alias of a disputed value is the fallback: Graph's documented spelling.
    ...Object.fromEntries(Object.entries(DOCUMENTED_DETERMINATIONS).map(([value, documented]) => [vocabulary/* DETERMINATION_ALIASES */.HG[value], documented])),
};
// An incident that is neither in progress nor resolved is `active` (an alert's `new`).
const INCIDENT_STATUS_TO_GRAPH = {
    New: "active",
    InProgress: "inProgress",
    Resolved: "resolved",
};
/** Graph's spelling of one of our severities, for a `$filter`. */
function severityToGraph(severity) {
    return lookup(SEVERITY_TO_GRAPH, severity);
}
/** Graph's spelling of one of our statuses (`New`, `InProgress`, `Resolved`, `Unknown`), for a `$filter`. */
function statusToGraph(status) {
    return lookup(STATUS_TO_GRAPH, status) ?? status;
}
/** A change in Graph's spelling: the PATCH body's fields, and the comment as it is posted. */
function toGraphChanges(changes) {
    const sent = {};
    if (changes.status)
        sent.status = lookup(STATUS_TO_GRAPH, changes.status) ?? changes.status;
    if (changes.classification)
        sent.classification = lookup(CLASSIFICATION_TO_GRAPH, changes.classification) ?? changes.classification;
    if (changes.determination)
        sent.determination = lookup(DETERMINATION_TO_GRAPH, changes.determination) ?? changes.determination;
    if (changes.assignedTo)
        sent.assignedTo = changes.assignedTo;
    if (changes.comment)
        sent.comment = changes.comment;
    return sent;
}
/** A change to an incident in Graph's spelling: as an alert's, but with the incident's statuses (`New` is `active`). */
function toGraphIncidentChanges(changes) {
    const sent = { ...toGraphChanges(changes) };
    if (changes.status)
        sent.status = lookup(INCIDENT_STATUS_TO_GRAPH, changes.status) ?? changes.status;
    return sent;
}

;// CONCATENATED MODULE: ./src/graph/alert.ts







const commentSchema = schemas/* looseObject */._H3({ comment: fields/* text */.Qq, createdByDisplayName: fields/* text */.Qq, createdDateTime: fields/* text */.Qq });
/** Graph's `comments` of an alert or an incident (`alertComment`), in our model; one without text or time is left out. */
const graphComments = schemas/* array */.YOg(schemas/* unknown */.L5J()).nullish().catch(null).transform((items) => (items ?? []).flatMap((item) => {
    const parsed = commentSchema.safeParse(item);
    return parsed.success && parsed.data.comment && parsed.data.createdDateTime
        ? [{ comment: parsed.data.comment, createdBy: parsed.data.createdByDisplayName ?? null, createdTime: parsed.data.createdDateTime }]
        : [];
}));
// Every field read is one of Microsoft's: a misspelt name is a compile error.
const shape = {
    id: schemas/* string */.YjP().regex(marker/* ALERT_ID_PATTERN */.W1, "an ID of letters, digits, '_' and '-' (at most 128)"),
    createdDateTime: fields/* time */.kB,
    providerAlertId: fields/* text */.Qq,
    incidentId: fields/* text */.Qq,
    status: fields/* text */.Qq,
    severity: fields/* text */.Qq,
    classification: fields/* text */.Qq,
    determination: fields/* text */.Qq,
    serviceSource: fields/* text */.Qq,
    detectionSource: fields/* text */.Qq,
    productName: fields/* text */.Qq,
    detectorId: fields/* text */.Qq,
    tenantId: fields/* text */.Qq,
    title: fields/* text */.Qq,
    description: fields/* text */.Qq,
    recommendedActions: fields/* text */.Qq,
    category: fields/* text */.Qq,
    assignedTo: fields/* text */.Qq,
    alertWebUrl: fields/* text */.Qq,
    incidentWebUrl: fields/* text */.Qq,
    actorDisplayName: fields/* text */.Qq,
    threatDisplayName: fields/* text */.Qq,
    threatFamilyName: fields/* text */.Qq,
    mitreTechniques: schemas/* array */.YOg(schemas/* unknown */.L5J()).nullish().catch(null).transform((items) => (items ?? []).filter((item) => typeof item === "string")),
    lastUpdateDateTime: fields/* optionalTime */.kX,
    resolvedDateTime: fields/* optionalTime */.kX,
    firstActivityDateTime: fields/* optionalTime */.kX,
    lastActivityDateTime: fields/* optionalTime */.kX,
    comments: graphComments,
    evidence: schemas/* array */.YOg(schemas/* unknown */.L5J()).nullish().catch(null).transform((items) => (items ?? []).flatMap((item) => {
        // One odd evidence entry should not cost the whole alert its ticket.
        const parsed = graphEvidence(item);
        return parsed ? [parsed] : [];
    })),
};
const graphAlertSchema = schemas/* looseObject */._H3(shape);
/** Validates one alert; a malformed one is reported, not thrown. */
function readGraphAlert(raw) {
    const parsed = graphAlertSchema.safeParse(raw);
    if (parsed.success)
        return { ok: true, alert: fromGraph(parsed.data) };
    return { ok: false, id: (0,fields/* idOf */.TH)(raw), problem: (0,fields/* problemsOf */.GW)(parsed.error) };
}
// Only the ID and the creation time can make an alert malformed: every other field is lenient.
const headSchema = schemas/* object */.Ikc({ id: shape.id, createdDateTime: shape.createdDateTime, lastUpdateDateTime: shape.lastUpdateDateTime, incidentId: shape.incidentId });
// What an incident keeps of each of its alerts (IncidentAlert): no evidence, no comments.
const summarySchema = schemas/* object */.Ikc({
    id: shape.id,
    createdDateTime: shape.createdDateTime,
    title: shape.title,
    severity: shape.severity,
    status: shape.status,
    serviceSource: shape.serviceSource,
    productName: shape.productName,
    detectionSource: shape.detectionSource,
    firstActivityDateTime: shape.firstActivityDateTime,
    alertWebUrl: shape.alertWebUrl,
    tenantId: shape.tenantId,
});
const decoder = new TextDecoder();
/** A listed alert whose `bytes` (its JSON) are read again by `read()`; also its last update, for time-boundary paging. */
function readListedGraphAlert(raw, bytes) {
    const head = headSchema.safeParse(raw);
    if (!head.success)
        return { ok: false, id: (0,fields/* idOf */.TH)(raw), problem: (0,fields/* problemsOf */.GW)(head.error) };
    const { id, createdDateTime } = head.data;
    return { ok: true, alert: { id, createdAt: createdDateTime, incidentId: head.data.incidentId || null, read: readAgain(id, bytes) }, updatedAt: head.data.lastUpdateDateTime ?? null };
}
/** An incident's alert: what the incident keeps of it, read as fromGraph reads it, and its evidence parsed only when gathered. */
function readIncidentGraphAlert(raw, evidence) {
    const parsed = summarySchema.safeParse(raw);
    if (!parsed.success)
        return { ok: false, id: (0,fields/* idOf */.TH)(raw), problem: (0,fields/* problemsOf */.GW)(parsed.error) };
    return { ok: true, alert: new GraphIncidentAlert(summaryOf(parsed.data), parsed.data.serviceSource ?? null, evidence) };
}
/** A Graph alert as its incident keeps it (KeptIncidentAlert). */
class GraphIncidentAlert extends compact/* KeptIncidentAlert */.Nf {
    evidence() {
        return graphEvidenceOf(this.evidenceItems());
    }
}
/** An alert's evidence in our model, as fromGraph reads it: the shown entries, and the first device and user. */
function graphEvidenceOf(items) {
    return namedIn(shape.evidence.parse(items));
}
function namedIn(evidence) {
    const device = evidence.find((item) => item.kind === "device");
    const user = evidence.find((item) => item.kind === "user");
    return { evidence: evidence.map((item) => item.shown), device: device ? { name: device.deviceDnsName, id: device.mdeDeviceId } : null, user: user?.account ?? null };
}
function readAgain(id, bytes) {
    return () => {
        const reading = readGraphAlert(JSON.parse(decoder.decode(bytes)));
        if (!reading.ok)
            throw new Error(`Alert ${id} could not be read again: ${reading.problem}`);
        return reading.alert;
    };
}
/** What an incident keeps of an alert, in our model (fromGraph reads the same). */
function summaryOf(alert) {
    return {
        id: alert.id,
        createdAt: alert.createdDateTime,
        title: alert.title ?? null,
        severity: severityFromGraph(alert.severity),
        status: statusFromGraph(alert.status),
        product: alert.productName || alert.serviceSource || null,
        detectionSource: alert.detectionSource ?? null,
        firstActivity: alert.firstActivityDateTime ?? null,
        webUrl: alert.alertWebUrl ?? null,
        tenantId: alert.tenantId ?? null,
    };
}
/** The Graph alert in our model: enum values in our spelling, the first device and user from the evidence. */
function fromGraph(alert) {
    const device = alert.evidence.find((item) => item.kind === "device");
    const named = namedIn(alert.evidence);
    const summary = summaryOf(alert);
    const { severity } = summary;
    return {
        ...summary,
        description: alert.description ?? null,
        recommendedAction: alert.recommendedActions ?? null,
        classification: classificationFromGraph(alert.classification),
        determination: determinationFromGraph(alert.determination),
        category: alert.category ?? null,
        threat: [alert.threatFamilyName, alert.threatDisplayName].filter((v, i, all) => v && all.indexOf(v) === i).join(" / ") || null,
        device: named.device,
        deviceGroup: device?.rbacGroupName ?? null,
        user: named.user,
        lastActivity: alert.lastActivityDateTime ?? null,
        updatedAt: alert.lastUpdateDateTime ?? null,
        mitreTechniques: alert.mitreTechniques,
        incident: alert.incidentId ? { id: alert.incidentId, webUrl: alert.incidentWebUrl ?? null } : null,
        investigation: null,
        assignedTo: alert.assignedTo ?? null,
        comments: alert.comments,
        evidence: named.evidence,
        // `{severity}` is the label word for both sources; `{computerDnsName}` what it is in the Endpoint API.
        fields: { ...alert, severity: (0,source_alert/* severityOf */.x)({ severity }), computerDnsName: device?.deviceDnsName ?? null },
    };
}

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
;// CONCATENATED MODULE: ./src/graph/errors.ts
/** Replies from the Microsoft Graph security API, translated into what the user should do. */

const READ_ROLE = "SecurityAlert.Read.All";
const WRITE_ROLE = "SecurityAlert.ReadWrite.All";
const INCIDENT_READ_ROLE = "SecurityIncident.Read.All";
const INCIDENT_WRITE_ROLE = "SecurityIncident.ReadWrite.All";
const ALERT_ROLES = { read: READ_ROLE, write: WRITE_ROLE, subject: "alert" };
const INCIDENT_ROLES = { read: INCIDENT_READ_ROLE, write: INCIDENT_WRITE_ROLE, subject: "incident" };
/** The error a reply carries; the `request-id` header stands in when the body has none (a bare 429 or 5xx). */
function readGraphError(text, requestIdHeader) {
    const body = {};
    try {
        const error = JSON.parse(text)?.error;
        if (error && typeof error === "object") {
            const inner = (error.innerError ?? error.innererror);
            if (typeof error.code === "string")
                body.code = error.code;
            if (typeof error.message === "string")
                body.message = error.message;
            if (typeof inner?.["request-id"] === "string")
                body.requestId = inner["request-id"];
            if (typeof inner?.date === "string")
                body.date = inner.date;
        }
    }
    catch {
        // Not JSON: the status says enough.
    }
    if (body.requestId === undefined && requestIdHeader)
        body.requestId = requestIdHeader;
    return body;
}
/** What a 401 means: the token was issued for another resource (the Defender for Endpoint API, another cloud's Graph). */
function unauthorizedFix(audience) {
    const held = audience ? ` (this one is for ${audience})` : "";
    return `Microsoft Graph refused the access token${held}: it must be issued for Graph. Check that cloud, or api-scope, names Graph's scope, e.g. https://graph.microsoft.com/.default for the public cloud.`;
}
/** What a 403 means, read from the roles the access token carried and those the request needed (the alerts' by default). */
function forbiddenFix(roles, write, needed = ALERT_ROLES) {
    const { read: reader, write: writer, subject } = needed;
    const wanted = write ? writer : `${reader} (or ${writer}, which sync needs)`;
    if (roles.length === 0) {
        return `The access token carries no application roles: add the Microsoft Graph application permission ${wanted} to the app registration and grant admin consent.`;
    }
    if (write && !roles.includes(writer)) {
        return `The access token has ${roles.join(", ")} but not ${writer}, which updating ${subject}s needs: add the Microsoft Graph application permission ${writer} and grant admin consent.`;
    }
    if (!write && !roles.includes(reader) && !roles.includes(writer)) {
        return `The access token has ${roles.join(", ")} but neither ${reader} nor ${writer}: add the Microsoft Graph application permission ${reader} and grant admin consent.`;
    }
    return `The token has the ${subject} permission, so Microsoft Graph refused for another reason (the tenant's licence, or a Defender role restriction): see its reply.`;
}
const NOT_FOUND_FIX = "The alert is not in Microsoft Graph: it may be older than the tenant's retention, or deleted.";
const INCIDENT_NOT_FOUND_FIX = "The incident is not in Microsoft Graph: it may be older than the tenant's retention, or deleted.";
class GraphApiError extends Error {
    name = "GraphApiError";
    status;
    body;
    problem;
    /** Graph's code and message, with the request ID its support asks for. */
    reply;
    fix;
    constructor(status, body, what, fix) {
        const said = [body.code, body.message].filter(Boolean).join(": ").replace(/\.$/, "");
        const ids = [body.requestId && `request-id ${body.requestId}`, body.date && `date ${body.date}`].filter(Boolean).join(", ");
        const reply = said || ids ? `${said || "no reason given"}${ids ? ` (${ids})` : ""}` : undefined;
        const problem = `${what} failed with HTTP ${status}`;
        super((0,errors/* explainedMessage */.O)({ problem, reply, fix }));
        this.status = status;
        this.body = body;
        this.problem = problem;
        this.reply = reply;
        this.fix = fix;
    }
}

;// CONCATENATED MODULE: ./src/graph/exchange.ts


// Without it, alerts of newer products (Sentinel, Defender for Cloud…) arrive as `unknownFutureValue`.
const PREFER = "include-unknown-enum-members";
/** One Graph request (`exchange` in src/http.ts), each attempt waiting for its turn in the minute's budget. */
async function exchange(options, request) {
    const { tokens } = options;
    const refusal = (status, text, headers) => new GraphApiError(status, readGraphError(text, headers["request-id"]), request.what, fixFor(status, tokens, request));
    const body = request.body === undefined ? undefined : JSON.stringify(request.body);
    return (0,http/* exchange */.cv)({ ...options, headers: { prefer: PREFER }, refusal }, { ...request, body });
}
function fixFor(status, tokens, request) {
    if (status === 401)
        return unauthorizedFix(tokens.claims().aud);
    if (status === 403)
        return forbiddenFix(tokens.claims().roles, request.method !== "GET", request.roles);
    if (status === 404)
        return request.notFound;
    return undefined;
}

// EXTERNAL MODULE: ./src/graph/service-sources.ts
var service_sources = __webpack_require__(12208);
;// CONCATENATED MODULE: ./src/graph/filter.ts
/**
 * A pull window's filters for the Graph security API: the OData $filter of alerts, and of incidents
 * (whose alerts are then held to the alert filters here, Graph filtering incidents on none of
 * them). Graph's field names and spellings. Pure.
 */





/** Graph's spelling of a `service-sources` value, matched case-insensitively; one the schema lacks is kept as given. */
function serviceSourceToGraph(value) {
    return service_sources/* SERVICE_SOURCES */.X.find((member) => member.toLowerCase() === value.toLowerCase()) ?? value;
}
function graphAlertFilter(window) {
    const clauses = [
        `createdDateTime ge ${(0,odata/* odataTime */.R3)(window.since)}`,
        `createdDateTime lt ${(0,odata/* odataTime */.R3)(window.until)}`,
    ];
    if (!admitsEverySeverity(window))
        clauses.push((0,odata/* anyOf */.EB)("severity", (0,odata/* severitiesFrom */.M6)(window.minSeverity).map(severityToGraph)));
    if (window.statuses.length > 0)
        clauses.push((0,odata/* anyOf */.EB)("status", window.statuses.map(statusToGraph)));
    if (window.serviceSources && window.serviceSources.length > 0)
        clauses.push((0,odata/* anyOf */.EB)("serviceSource", window.serviceSources.map(serviceSourceToGraph)));
    if (window.extra)
        clauses.push(`(${window.extra})`);
    return clauses.join(" and ");
}
/**
 * The incidents updated within the window, and the user's clause (in incident field names). The
 * alert filters are not here: an incident's severity and status are not its alerts', so they are
 * applied to its alerts once read (`passesAlertFilters`).
 */
function graphIncidentFilter(window) {
    const clauses = [updatedSinceFilter(window.since, window.until)];
    if (window.extra)
        clauses.push(`(${window.extra})`);
    return clauses.join(" and ");
}
/** Whether an alert passes the window's severity, status and service-source filters, as graphAlertFilter's clauses would. */
function passesAlertFilters(alert, window) {
    if (!admitsEverySeverity(window) && !(0,odata/* severitiesFrom */.M6)(window.minSeverity).includes((0,source_alert/* severityOf */.x)(alert)))
        return false;
    if (window.statuses.length > 0 && !window.statuses.some((status) => sameWord(status, alert.status)))
        return false;
    const sources = window.serviceSources ?? [];
    return sources.length === 0 || sources.some((wanted) => sameWord(wanted, alert.serviceSource));
}
// "Informational" admits every severity, Graph's `unknown` (our UnSpecified) included: no clause is the exact filter.
function admitsEverySeverity(window) {
    return window.minSeverity === "Informational" || window.minSeverity === "UnSpecified";
}
function sameWord(a, b) {
    return b !== null && a.toLowerCase() === b.toLowerCase();
}
/** The alerts changed since a time (and before another), for reading alerts' current state where Graph cannot filter on `id`. */
function updatedSinceFilter(since, before) {
    const clause = `lastUpdateDateTime ge ${(0,odata/* odataTime */.R3)(since)}`;
    return before ? `${clause} and lastUpdateDateTime lt ${(0,odata/* odataTime */.R3)(before)}` : clause;
}

// EXTERNAL MODULE: ./src/json-stream.ts
var json_stream = __webpack_require__(37346);
;// CONCATENATED MODULE: ./src/graph/incident.ts







// Our words for Graph's incident statuses; `awaitingAction` (an evolvable member) is work in progress.
const incident_STATUS_FROM_GRAPH = {
    active: "New",
    inProgress: "InProgress",
    awaitingAction: "InProgress",
    resolved: "Resolved",
    redirected: "Redirected",
};
// Every field read is one of Microsoft's: a misspelt name is a compile error.
const incident_shape = {
    id: schemas/* string */.YjP().regex(marker/* ALERT_ID_PATTERN */.W1, "an ID of letters, digits, '_' and '-' (at most 128)"),
    createdDateTime: fields/* time */.kB,
    displayName: fields/* text */.Qq,
    severity: fields/* text */.Qq,
    status: fields/* text */.Qq,
    classification: fields/* text */.Qq,
    determination: fields/* text */.Qq,
    assignedTo: fields/* text */.Qq,
    lastUpdateDateTime: fields/* optionalTime */.kX,
    incidentWebUrl: fields/* text */.Qq,
    redirectIncidentId: fields/* text */.Qq,
    tenantId: fields/* text */.Qq,
    comments: graphComments,
    alerts: schemas/* array */.YOg(schemas/* unknown */.L5J()).nullish().catch(null).transform((items) => items ?? []),
};
const incidentSchema = schemas/* looseObject */._H3(incident_shape);
/** Our word for a Graph incident status, case-insensitively; another value as Graph wrote it. */
function incidentStatusFromGraph(value) {
    if (!value)
        return null;
    const key = Object.keys(incident_STATUS_FROM_GRAPH).find((k) => k.toLowerCase() === value.toLowerCase());
    return key === undefined ? value : incident_STATUS_FROM_GRAPH[key];
}
/**
 * An incident from its bytes, as a page of incidents holds it: each alert is parsed on its own,
 * apart from its evidence, which is kept as bytes until a body gathers it (IncidentAlert.evidence).
 * Those bytes are copied out of the page, so that what is kept is the evidence and not every chunk
 * of the reply it came in.
 */
function readGraphIncidentBytes(bytes) {
    const alerts = [];
    const rest = (0,json_stream/* readMemberBytes */.S5)(bytes, "alerts", (alertBytes) => alerts.push((0,compact/* readAlertApart */.Fe)(alertBytes)));
    return readGraphIncident(rest, alerts);
}
/** An incident, parsed; `streamed`: alerts read apart from it, beside those its `alerts` holds. */
function readGraphIncident(raw, streamed = []) {
    const parsed = incidentSchema.safeParse(raw);
    if (!parsed.success) {
        return { ok: false, id: (0,fields/* idOf */.TH)(raw), problem: (0,fields/* problemsOf */.GW)(parsed.error, "incident") };
    }
    const incident = parsed.data;
    const alerts = [];
    const malformed = [];
    const apart = [...streamed, ...incident.alerts.map((alert) => (0,compact/* readAlertApart */.Fe)(Buffer.from(JSON.stringify(alert))))];
    // The alerts' evidence side by side in one buffer, each alert holding where its own is.
    const evidence = (0,compact/* evidenceSideBySide */.lO)(apart);
    for (const [i, item] of apart.entries()) {
        const reading = readIncidentGraphAlert(item.raw, evidence[i]);
        if (reading.ok)
            alerts.push(reading.alert);
        else
            malformed.push({ id: reading.id, problem: reading.problem });
    }
    alerts.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const status = incidentStatusFromGraph(incident.status);
    return {
        ok: true,
        malformed,
        incident: {
            id: incident.id,
            name: incident.displayName ?? null,
            severity: severityFromGraph(incident.severity),
            status,
            classification: classificationFromGraph(incident.classification),
            determination: determinationFromGraph(incident.determination),
            assignedTo: incident.assignedTo ?? null,
            createdAt: incident.createdDateTime,
            updatedAt: incident.lastUpdateDateTime ?? null,
            webUrl: incident.incidentWebUrl ?? null,
            redirectedTo: status === "Redirected" ? (incident.redirectIncidentId ?? null) : null,
            tenantId: (0,compact/* shared */.ue)(incident.tenantId ?? null),
            alerts,
            comments: incident.comments,
        },
    };
}

;// CONCATENATED MODULE: ./src/graph/listing.ts
const OTHER_FIELD = { createdDateTime: "lastUpdateDateTime", lastUpdateDateTime: "createdDateTime" };
/** Reads every page of `filter`'s rows by time boundaries, handing each page to `take`; returns the requests made. */
async function readByTime(filter, field, limits, requests, take) {
    const reader = new TimeBoundaryReader(limits, requests, take);
    await reader.read(filter, field, 0);
    return reader.pages;
}
class TimeBoundaryReader {
    pages = 0;
    #limits;
    #requests;
    #take;
    #rows;
    constructor(limits, requests, take) {
        this.#limits = limits;
        this.#requests = requests;
        this.#take = take;
        this.#rows = limits.rows ?? "alerts";
    }
    async read(filter, field, depth) {
        // Milliseconds: a Date keeps no finer time, and truncates Graph's seven digits, so `ge` on it never skips a row.
        let from;
        for (;;) {
            const query = from === undefined ? filter : `${filter} and ${field} ge ${odataInstant(from)}`;
            const page = await this.#fetch(() => this.#requests.first(query, field));
            if (!this.#hasMore(page))
                return;
            const times = this.#timesOf(page, field);
            const first = times[0];
            const last = times.at(-1);
            if (first !== undefined && last !== undefined && last > first) {
                from = last;
                continue;
            }
            if (first !== undefined && depth === 0) {
                // One instant fills the page: read it alone, by the other time field, then step past it.
                const instant = `${field} ge ${odataInstant(first)} and ${field} lt ${odataInstant(first + 1)}`;
                await this.read(`${filter} and ${instant}`, OTHER_FIELD[field], depth + 1);
                from = first + 1;
                continue;
            }
            const resume = await this.#follow(page, field, first);
            if (resume === undefined)
                return;
            from = resume;
        }
    }
    /**
     * Follows next links from a page that time cannot step past, until a page reaches a later time
     * (returned, to go on from by time) or the links end (undefined: the query is read).
     */
    async #follow(page, field, stuckAt) {
        let current = page;
        while (current.nextLink !== undefined) {
            const link = current.nextLink;
            current = await this.#fetch(() => this.#requests.next(link));
            if (current.size === 0) {
                const where = stuckAt === undefined ? "" : ` at ${field} ${odataInstant(stuckAt)}`;
                throw new Error(`Listing Microsoft Graph ${this.#rows}: Microsoft Graph stopped paging (its next link led to an empty page) while more than ${this.#limits.pageSize} ${this.#rows} share one time${where}; some ${this.#rows} could not be read`);
            }
            const last = this.#timesOf(current, field).at(-1);
            if (last !== undefined && (stuckAt === undefined || last > stuckAt))
                return last;
        }
        return undefined;
    }
    // A full page may have more behind it even without a next link; a next link always says so.
    #hasMore(page) {
        return page.nextLink !== undefined || page.size >= this.#limits.pageSize;
    }
    async #fetch(request) {
        if (this.pages >= this.#limits.maxPages) {
            throw new Error(`Listing Microsoft Graph ${this.#rows}: stopped after ${this.#limits.maxPages} requests without reaching the end; narrow the window or the filter`);
        }
        this.pages++;
        const page = await request();
        this.#take(page);
        return page;
    }
    /** The page's times in `field`, in its order, which must be oldest first: stepping by time relies on it. */
    #timesOf(page, field) {
        const times = page.items.map((row) => timeOf(row, field)).filter((time) => time !== undefined);
        for (let i = 1; i < times.length; i++) {
            if (times[i] < times[i - 1])
                throw new Error(`Listing Microsoft Graph ${this.#rows}: Microsoft Graph did not order the page by ${field} as asked ($orderby), so it cannot be paged by time`);
        }
        return times;
    }
}
function timeOf(row, field) {
    const time = field === "createdDateTime" ? row.createdAt : row.updatedAt;
    return time ? time.getTime() : undefined;
}
/** An OData datetime literal to the millisecond, unquoted. */
function odataInstant(ms) {
    return new Date(ms).toISOString();
}

;// CONCATENATED MODULE: ./src/graph/page.ts
/**
 * A Graph page (`{"value": [...], "@odata.nextLink": ...}`) of alerts or of incidents, read as it
 * streams in: each element of `value` is validated on its own as soon as it has arrived.
 */




const pageSchema = schemas/* looseObject */._H3({
    value: schemas/* array */.YOg(schemas/* unknown */.L5J()),
    "@odata.nextLink": schemas/* string */.YjP().nullish(),
});
/** A page of alerts; a malformed alert is reported, not thrown. */
function readGraphPage(body) {
    return readPage(body, "alerts", (page) => (bytes) => {
        const reading = readListedGraphAlert((0,json_stream/* parseBytes */.z_)(bytes), bytes);
        if (reading.ok)
            page.items.push({ ...reading.alert, updatedAt: reading.updatedAt ?? null });
        else
            page.malformed.push({ id: reading.id, problem: reading.problem });
    });
}
/**
 * A page of incidents with their alerts (`$expand=alerts`); a malformed incident is reported as
 * such (its problem begins `incident:`), and so is a malformed alert, its incident kept without it.
 * Each incident's alerts are parsed apart from their evidence, kept as bytes (readGraphIncidentBytes).
 */
function readGraphIncidentPage(body) {
    return readPage(body, "incidents", (page) => (bytes) => {
        const reading = readGraphIncidentBytes(bytes);
        if (reading.ok) {
            page.items.push(reading.incident);
            page.malformed.push(...reading.malformed);
        }
        else {
            page.malformed.push({ id: reading.id, problem: `incident: ${reading.problem}` });
        }
    });
}
async function readPage(body, rows, reader) {
    const page = { items: [], malformed: [], size: 0, nextLink: undefined };
    const read = reader(page);
    const take = (bytes) => {
        page.size++;
        read(bytes);
    };
    const rest = pageSchema.safeParse(await (0,json_stream/* streamMemberBytes */.gs)(body, "value", take));
    if (!rest.success)
        throw new Error(`Listing Microsoft Graph ${rows}: the reply has no 'value' array of ${rows}`);
    // Left in place only when the member's name was spelt with escapes.
    for (const raw of rest.data.value)
        take(Buffer.from(JSON.stringify(raw)));
    page.nextLink = rest.data["@odata.nextLink"] ?? undefined;
    return page;
}

// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(58500);
;// CONCATENATED MODULE: ./src/graph/pace.ts
/**
 * Keeps a client under a number of requests in any rolling minute (Graph allows 150 a minute per
 * app and tenant on alerts): a request that would be one too many waits for its turn, rather than
 * drawing a 429 that costs a Retry-After wait and a request of the budget as well.
 */

const MINUTE_MS = 60_000;
const SYSTEM_CLOCK = { now: () => Date.now(), sleep: (ms) => (0,promises_.setTimeout)(ms) };
class RequestPace {
    #perMinute;
    #clock;
    #waiting;
    /** When each request of the last minute was counted. */
    #times = [];
    constructor(perMinute, clock, waiting) {
        this.#perMinute = Math.max(1, perMinute);
        this.#clock = clock;
        this.#waiting = waiting;
    }
    /**
     * Waits for a turn and takes it. Returns what to call when the reply comes: the request is then
     * counted from that later time, since the service may have counted it any time in between.
     */
    async take() {
        for (;;) {
            const now = this.#clock.now();
            while (this.#times.length > 0 && now - this.#times[0] >= MINUTE_MS)
                this.#times.shift();
            if (this.#times.length < this.#perMinute)
                break;
            const wait = MINUTE_MS - (now - this.#times[0]);
            this.#waiting(`Waiting ${Math.ceil(wait / 1000)} s: Microsoft Graph allows ${this.#perMinute} requests a minute on alerts`);
            await this.#clock.sleep(wait);
        }
        const taken = this.#clock.now();
        this.#times.push(taken);
        return () => {
            const index = this.#times.indexOf(taken);
            if (index < 0)
                return;
            this.#times.splice(index, 1);
            insertSorted(this.#times, Math.max(taken, this.#clock.now()));
        };
    }
}
function insertSorted(times, time) {
    let i = times.length;
    while (i > 0 && times[i - 1] > time)
        i--;
    times.splice(i, 0, time);
}

;// CONCATENATED MODULE: ./src/graph/client.ts











/** The largest page Graph serves (`$top` ≤ 1,000, as the old alerts API documented). */
const MAX_PAGE_SIZE = 1_000;
/**
 * The largest page of incidents asked for: each comes with all its alerts and their evidence.
 * Graph documents no limit; the Defender XDR incidents API it fronts allows `$top` ≤ 100.
 */
const MAX_INCIDENT_PAGE_SIZE = 100;
/** Graph's documented limit on alerts: 150 requests a minute per app and tenant. */
const REQUESTS_PER_MINUTE = 150;
// A runaway listing must end somewhere: a million alerts at full pages.
const MAX_PAGES = 1_000;
const PROBE_PAGE_SIZE = 10;
const ALERTS = "/v1.0/security/alerts_v2";
const INCIDENTS = "/v1.0/security/incidents";
const ALERT_COLLECTION = { path: ALERTS, rows: "alerts", maxPageSize: MAX_PAGE_SIZE, read: readGraphPage, roles: ALERT_ROLES };
const INCIDENT_COLLECTION = {
    path: INCIDENTS,
    rows: "incidents",
    maxPageSize: MAX_INCIDENT_PAGE_SIZE,
    expand: "alerts",
    read: readGraphIncidentPage,
    roles: INCIDENT_ROLES,
};
class GraphClient {
    service = "Microsoft Graph";
    permissions = { api: "Microsoft Graph", read: [READ_ROLE, WRITE_ROLE], write: WRITE_ROLE };
    incidentPermissions = { api: "Microsoft Graph", read: [INCIDENT_READ_ROLE, INCIDENT_WRITE_ROLE], write: INCIDENT_WRITE_ROLE };
    #options;
    #base;
    #pageSize;
    #exchanges;
    constructor(options) {
        this.#options = options;
        this.#base = options.apiUrl.replace(/\/+$/, "").replace(/\/v1\.0$/i, "");
        this.#pageSize = Math.min(Math.max(1, options.pageSize ?? MAX_PAGE_SIZE), MAX_PAGE_SIZE);
        const pace = new RequestPace(options.perMinute ?? REQUESTS_PER_MINUTE, options.clock ?? SYSTEM_CLOCK, options.retrying);
        this.#exchanges = { tokens: options.tokens, dispatcher: options.dispatcher, tuning: options.tuning, pace, retrying: options.retrying };
    }
    get apiUrl() {
        return this.#options.apiUrl;
    }
    describeWindow(window) {
        return `$filter=${graphAlertFilter(window)}`;
    }
    /** Every alert of the window, read by createdDateTime boundaries (see listing.ts), each once. */
    async listAlerts(window) {
        const byId = new Map();
        const malformed = new Map();
        const pages = await this.#readByTime(ALERT_COLLECTION, graphAlertFilter(window), "createdDateTime", (page) => {
            for (const alert of page.items)
                if (!byId.has(alert.id))
                    byId.set(alert.id, alert);
            // Read again at a time boundary, a malformed alert is still reported once.
            for (const bad of page.malformed)
                malformed.set(`${bad.id}\n${bad.problem}`, bad);
        });
        return { alerts: [...byId.values()], malformed: [...malformed.values()], pages };
    }
    /**
     * The current state of these alerts. Graph cannot filter on `id`: the alerts updated since
     * `updatedSince` are listed (by lastUpdateDateTime boundaries) and those asked for kept. The
     * rest are read one by one, or, when `noneUpdatedBefore` bounds them and Graph counts fewer
     * pages between it and `updatedSince` than there are alerts left, in one more listing. Not
     * found: not in the map.
     */
    async alertsById(ids, options = {}) {
        const wanted = new Set(ids);
        const found = new Map();
        const keep = (page) => {
            // An alert read twice (at a boundary, or updated meanwhile): the later reading stands.
            for (const alert of page.items)
                if (wanted.has(alert.id))
                    found.set(alert.id, alert.read());
        };
        const { updatedSince, noneUpdatedBefore } = options;
        if (updatedSince !== undefined && wanted.size > 0)
            await this.#readByTime(ALERT_COLLECTION, updatedSinceFilter(updatedSince), "lastUpdateDateTime", keep);
        const left = [...wanted].filter((id) => !found.has(id)).length;
        if (updatedSince !== undefined && noneUpdatedBefore !== undefined && noneUpdatedBefore < updatedSince && left > 1) {
            const older = updatedSinceFilter(noneUpdatedBefore, updatedSince);
            // One request to count, then the pages: worth it only when that beats a read per alert.
            const count = await this.#count(older);
            if (count !== undefined && 1 + Math.floor(count / this.#pageSize) + 1 < left)
                await this.#readByTime(ALERT_COLLECTION, older, "lastUpdateDateTime", keep);
        }
        for (const id of wanted) {
            if (found.has(id))
                continue;
            const alert = await this.#alert(id);
            if (alert)
                found.set(id, alert);
        }
        return found;
    }
    /** Graph's spelling of a change to an incident (`active` for New): what `updateIncident` sends. */
    spellIncident(changes) {
        return toGraphIncidentChanges(changes);
    }
    /** Graph's spelling of a change: what `updateAlert` sends. */
    spell(changes) {
        return toGraphChanges(changes);
    }
    /**
     * PATCH /alerts_v2/{id} with the fields, then POST …/comments with the comment. A PATCH sent
     * twice does no harm; a comment would show twice, so after a lost reply the alert is read back
     * first and the comment sent again only if it did not land.
     */
    async updateAlert(id, changes) {
        const { comment, ...fields } = toGraphChanges(changes);
        const url = this.#alertUrl(id);
        if (Object.keys(fields).length > 0) {
            await this.#exchange({ method: "PATCH", url, body: fields, what: `Updating Microsoft Graph alert ${id}`, read: http/* nothing */.s6, notFound: NOT_FOUND_FIX });
        }
        if (comment !== undefined) {
            const landed = async () => ((await this.#alert(id))?.comments ?? []).some((c) => c.comment === comment);
            const body = { "@odata.type": "microsoft.graph.security.alertComment", comment };
            await this.#exchange({ method: "POST", url: `${url}/comments`, body, what: `Commenting on Microsoft Graph alert ${id}`, read: http/* nothing */.s6, landed, notFound: NOT_FOUND_FIX });
        }
    }
    /** Graph has no batch update: the same change to each alert in turn, stopping at the first refusal. */
    async updateAlerts(ids, changes) {
        for (const id of ids)
            await this.updateAlert(id, changes);
    }
    describeIncidentWindow(window) {
        return `$filter=${graphIncidentFilter(window)}`;
    }
    /**
     * The incidents updated within the window (`$expand=alerts`, read by lastUpdateDateTime
     * boundaries), each once, oldest first: those holding an alert that passes the window's
     * severity, status and service-source filters, and every merged one. Graph has no alert without
     * an incident, so none is loose.
     */
    async listIncidents(window) {
        const kept = new Map();
        const malformed = new Map();
        const pages = await this.#readByTime(INCIDENT_COLLECTION, graphIncidentFilter(window), "lastUpdateDateTime", (page) => {
            // An incident read twice (at a boundary): the later reading decides.
            for (const incident of page.items) {
                if (incident.status === "Redirected" || incident.alerts.some((alert) => passesAlertFilters(alert, window)))
                    kept.set(incident.id, incident);
                else
                    kept.delete(incident.id);
            }
            for (const bad of page.malformed)
                malformed.set(`${bad.id}\n${bad.problem}`, bad);
        });
        const incidents = [...kept.values()].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
        return { incidents, loose: [], malformed: [...malformed.values()], pages };
    }
    /** One incident with its alerts; undefined when Graph does not have it. Its malformed alerts are left out. */
    async incident(id) {
        // Read from its bytes, as a page of incidents is: each alert's evidence kept as bytes.
        const reading = await this.#incidentReply(id, { alerts: true }, async (body) => readGraphIncidentBytes(await (0,http/* readBytes */.io)(body)));
        if (reading === undefined)
            return undefined;
        if (!reading.ok)
            throw new Error(`Reading Microsoft Graph incident ${id}: its reply cannot be read as an incident (${reading.problem})`);
        return reading.incident;
    }
    /** Incidents by ID, each read on its own (evidence included): Graph's incident `$filter` does not take `id`. */
    async incidentsById(ids) {
        const found = new Map();
        for (const id of new Set(ids)) {
            const incident = await this.incident(id);
            if (incident)
                found.set(id, incident);
        }
        return found;
    }
    /**
     * PATCH /incidents/{id} with the fields in Graph's spelling (resolving the incident resolves its
     * alerts), then POST …/comments with the comment; after a lost reply the incident is read back
     * first, and the comment sent again only if it did not land.
     */
    async updateIncident(id, changes) {
        const { comment, ...fields } = toGraphIncidentChanges(changes);
        const url = this.#incidentUrl(id);
        const common = { read: http/* nothing */.s6, notFound: INCIDENT_NOT_FOUND_FIX, roles: INCIDENT_ROLES };
        if (Object.keys(fields).length > 0) {
            await this.#exchange({ method: "PATCH", url, body: fields, what: `Updating Microsoft Graph incident ${id}`, ...common });
        }
        if (comment !== undefined) {
            const landed = async () => commentsOf(await this.#incidentReply(id, { alerts: false }, http/* readJson */.Vh)).includes(comment);
            const body = { "@odata.type": "microsoft.graph.security.alertComment", comment };
            await this.#exchange({ method: "POST", url: `${url}/comments`, body, what: `Commenting on Microsoft Graph incident ${id}`, landed, ...common });
        }
    }
    async signIn() {
        await this.#options.tokens.token();
        return this.#options.tokens.claims();
    }
    /** One small read of the alerts API: the first alerts of the last day. */
    async probeAlerts() {
        const since = (0,odata/* odataTime */.R3)(new Date(Date.now() - 86_400_000));
        const url = `${this.#base}${ALERTS}?$filter=${encodeURIComponent(`createdDateTime ge ${since}`)}&$top=${PROBE_PAGE_SIZE}`;
        const page = await this.#exchange({ method: "GET", url, what: "Listing Microsoft Graph alerts", read: readGraphPage });
        return page.size;
    }
    /** How many alerts match `filter`, as Graph counts them (`$count=true`), or undefined when it does not say. */
    async #count(filter) {
        const url = `${this.#base}${ALERTS}?$filter=${encodeURIComponent(filter)}&$count=true&$top=1`;
        const count = await this.#exchange({
            method: "GET",
            url,
            what: "Counting Microsoft Graph alerts",
            read: async (body) => JSON.parse(await body.text())["@odata.count"],
        });
        return typeof count === "number" && Number.isSafeInteger(count) && count >= 0 ? count : undefined;
    }
    #readByTime(collection, filter, field, take) {
        const { rows, read, roles } = collection;
        const what = `Listing Microsoft Graph ${rows}`;
        const pageSize = Math.min(this.#pageSize, collection.maxPageSize);
        return readByTime(filter, field, { pageSize, maxPages: MAX_PAGES, rows }, {
            first: (query, orderBy) => this.#exchange({ method: "GET", url: this.#listUrl(collection, pageSize, query, orderBy), what, read, roles }),
            next: (link) => this.#exchange({ method: "GET", url: this.#sameOrigin(link, what), what, read, roles }),
        }, take);
    }
    /** An incident's reply as `read` reads it, with its alerts when asked; undefined when Graph does not have it. */
    async #incidentReply(id, options, read) {
        const url = options.alerts ? `${this.#incidentUrl(id)}?$expand=alerts` : this.#incidentUrl(id);
        try {
            return await this.#exchange({ method: "GET", url, what: `Reading Microsoft Graph incident ${id}`, read, roles: INCIDENT_ROLES });
        }
        catch (error) {
            if (error instanceof GraphApiError && error.status === 404)
                return undefined;
            throw error;
        }
    }
    /** One alert, or undefined when Graph does not have it (or it does not read). */
    async #alert(id) {
        try {
            const raw = await this.#exchange({ method: "GET", url: this.#alertUrl(id), what: `Reading Microsoft Graph alert ${id}`, read: http/* readJson */.Vh });
            const reading = readGraphAlert(raw);
            return reading.ok ? reading.alert : undefined;
        }
        catch (error) {
            if (error instanceof GraphApiError && error.status === 404)
                return undefined;
            throw error;
        }
    }
    #listUrl(collection, pageSize, filter, orderBy) {
        const expand = collection.expand === undefined ? "" : `&$expand=${collection.expand}`;
        return `${this.#base}${collection.path}?$filter=${encodeURIComponent(filter)}&$orderby=${encodeURIComponent(`${orderBy} asc`)}&$top=${pageSize}${expand}`;
    }
    #alertUrl(id) {
        return `${this.#base}${ALERTS}/${encodeURIComponent(id)}`;
    }
    #incidentUrl(id) {
        return `${this.#base}${INCIDENTS}/${encodeURIComponent(id)}`;
    }
    // The bearer token goes only to the API host the user configured.
    #sameOrigin(link, what) {
        const next = new URL(link, this.#base);
        if (next.origin !== new URL(this.#base).origin) {
            throw new Error(`${what}: the next page link points to another host (${next.origin}); refusing to send the token there`);
        }
        return next.href;
    }
    #exchange(request) {
        return exchange(this.#exchanges, request);
    }
}
/**
 * The texts of the comments an incident's reply holds. Only the text is looked at: Microsoft's
 * incident page shows comments with `createdBy`/`createdTime` beside the schema's names.
 */
function commentsOf(raw) {
    const comments = raw?.comments;
    if (!Array.isArray(comments))
        return [];
    return comments.flatMap((item) => {
        const text = item?.comment;
        return typeof text === "string" ? [text] : [];
    });
}


/***/ }),

/***/ 37346:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Be: () => (/* binding */ arraysOfBytes),
/* harmony export */   S5: () => (/* binding */ readMemberBytes),
/* harmony export */   gs: () => (/* binding */ streamMemberBytes),
/* harmony export */   oB: () => (/* binding */ readStreamingArray),
/* harmony export */   r3: () => (/* binding */ readStreamingMember),
/* harmony export */   z_: () => (/* binding */ parseBytes)
/* harmony export */ });
/**
 * Reads a JSON object arriving in chunks whose one array member is large (a Defender page holds up
 * to 10,000 alerts in `value`): each element of that array is handed over as soon as it is
 * complete, parsed on its own, and the rest of the object is parsed at the end. Peak memory is a
 * chunk and an element, not the whole page twice over (its text and its objects).
 *
 * Parsing stays with JSON.parse, which is several times faster than the JavaScript tokenisers of
 * streaming JSON libraries; the scanner here only finds where elements begin and end. It reads
 * bytes: every byte it looks for is ASCII, and no byte of a multi-byte UTF-8 character is.
 */
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;
const decoder = new TextDecoder();
function isSpace(byte) {
    return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}
/**
 * Streams `chunks`: calls `onElement` with each element of the top-level array member `member`,
 * and returns the object with that member empty (`[]`). A member that is not an array is left in
 * the object as it is. Invalid JSON throws JSON.parse's SyntaxError, possibly after some elements.
 */
function readStreamingMember(chunks, member, onElement) {
    return streamMemberBytes(chunks, member, parsing(onElement));
}
/**
 * As readStreamingMember, but hands each element over as its bytes only, unparsed: for a reader
 * that parses parts of an element on their own (readMemberBytes).
 */
async function streamMemberBytes(chunks, member, onBytes) {
    const scanner = new MemberScanner(member, onBytes);
    for await (const chunk of chunks)
        scanner.write(chunk);
    return scanner.end();
}
/**
 * Reads one JSON object held in `bytes` as streamMemberBytes reads a stream: hands over the bytes
 * of each element of its array member `member` (a view of `bytes`), and returns the object with
 * that member empty. Anything but an object with such a member is returned whole.
 */
function readMemberBytes(bytes, member, onBytes) {
    const scanner = new MemberScanner(member, onBytes);
    scanner.write(bytes);
    return scanner.end();
}
/**
 * A JSON array for each group of elements' bytes, side by side in one buffer: the i-th array is
 * `buffer` from `bounds[i]` to `bounds[i + 1]`. Thousands of small arrays kept together cost one
 * allocation, not one each.
 */
function arraysOfBytes(groups) {
    const lengthOf = (elements) => elements.reduce((sum, element) => sum + element.length, 2 + Math.max(0, elements.length - 1));
    const buffer = new Uint8Array(groups.reduce((sum, elements) => sum + lengthOf(elements), 0));
    const bounds = [0];
    let at = 0;
    for (const elements of groups) {
        buffer[at++] = OPEN_BRACKET;
        for (const [i, element] of elements.entries()) {
            if (i > 0)
                buffer[at++] = COMMA;
            buffer.set(element, at);
            at += element.length;
        }
        buffer[at++] = CLOSE_BRACKET;
        bounds.push(at);
    }
    return { buffer, bounds };
}
/**
 * Streams a JSON array (a GitHub listing page): calls `onElement` with each element, parsed on its
 * own. Anything but an array is a SyntaxError.
 */
async function readStreamingArray(chunks, onElement) {
    const scanner = new MemberScanner(undefined, parsing(onElement));
    for await (const chunk of chunks)
        scanner.write(chunk);
    // An array is always streamed, so what is left of it is `[]`; anything else is not an array.
    if (!Array.isArray(scanner.end()))
        throw new SyntaxError("Expected a JSON array");
}
/** An element's bytes parsed: what JSON.parse makes of their text. */
function parseBytes(bytes) {
    return JSON.parse(decoder.decode(bytes));
}
const parsing = (onElement) => (bytes) => onElement(parseBytes(bytes), bytes);
class MemberScanner {
    /** The member whose array is streamed; undefined streams the top-level array itself. */
    #member;
    /** The member's name as the bytes of its key; keys are compared as bytes, never decoded. */
    #memberKey;
    /** The depth of the streamed array's elements' container: 2 in an object, 1 at the top. */
    #arrayDepth;
    #onBytes;
    #rest = [];
    #element = [];
    #sink = "rest";
    #depth = 0;
    #inString = false;
    /** The chunk ended on a backslash inside a string: the next byte is escaped. */
    #escaped = false;
    /** At depth 1, the next string is a key. */
    #keyNext = false;
    /**
     * While a key at depth 1 is read: how many of the member's bytes it has matched so far, or -1
     * once it cannot be the member; undefined outside keys. Then whether the last key was the member.
     */
    #keyMatched;
    #lastKeyIsMember = false;
    /** After `"member":`, waiting to see whether an array follows. */
    #memberValueNext = false;
    #streamed = false;
    /** Between elements: one has just ended (a comma or the end must follow), or a comma has (an element must). */
    #afterElement = false;
    #elementNext = false;
    constructor(member, onBytes) {
        this.#member = member;
        this.#memberKey = Buffer.from(member ?? "");
        this.#arrayDepth = member === undefined ? 1 : 2;
        this.#memberValueNext = member === undefined;
        this.#onBytes = onBytes;
    }
    write(chunk) {
        // Bytes from `from` on belong to the current sink; they are handed over at each change of sink.
        let from = 0;
        let keyFrom = 0;
        const flush = (to) => {
            // The rest is small: copied, so that it does not hold on to whole chunks.
            if (to > from && this.#sink === "rest")
                this.#rest.push(chunk.slice(from, to));
            else if (to > from && this.#sink === "element")
                this.#element.push(chunk.subarray(from, to));
        };
        const switchTo = (sink, at) => {
            flush(at);
            this.#sink = sink;
            from = at;
        };
        for (let i = 0; i < chunk.length; i++) {
            if (this.#inString) {
                // Most bytes are inside strings: jump to the closing quote rather than look at each byte.
                const close = this.#closingQuote(chunk, i);
                if (close < 0)
                    break;
                i = close;
                this.#inString = false;
                if (this.#keyMatched !== undefined) {
                    this.#matchKey(chunk, keyFrom, i);
                    this.#lastKeyIsMember = this.#keyMatched === this.#memberKey.length;
                    this.#keyMatched = undefined;
                }
                continue;
            }
            const byte = chunk[i];
            if (isSpace(byte))
                continue;
            if (this.#memberValueNext) {
                this.#memberValueNext = false;
                if (byte === OPEN_BRACKET) {
                    this.#depth++;
                    this.#streamed = true;
                    this.#afterElement = false;
                    this.#elementNext = false;
                    switchTo("between", i + 1);
                    continue;
                }
            }
            if (this.#sink === "between") {
                if (byte === COMMA) {
                    if (!this.#afterElement)
                        throw new SyntaxError(`Unexpected ',' in the '${this.#member}' array`);
                    this.#afterElement = false;
                    this.#elementNext = true;
                    continue;
                }
                if (byte === CLOSE_BRACKET) {
                    if (this.#elementNext)
                        throw new SyntaxError(`Unexpected ']' after ',' in the '${this.#member}' array`);
                    this.#depth--;
                    switchTo("rest", i);
                    continue;
                }
                if (this.#afterElement)
                    throw new SyntaxError(`Expected ',' or ']' between elements of the '${this.#member}' array`);
                this.#elementNext = false;
                switchTo("element", i);
            }
            switch (byte) {
                case QUOTE:
                    this.#inString = true;
                    if (this.#depth === 1 && this.#keyNext) {
                        this.#keyNext = false;
                        this.#keyMatched = 0;
                        keyFrom = i + 1;
                    }
                    break;
                case OPEN_BRACE:
                case OPEN_BRACKET:
                    this.#depth++;
                    if (this.#depth === 1)
                        this.#keyNext = byte === OPEN_BRACE;
                    break;
                case CLOSE_BRACE:
                case CLOSE_BRACKET:
                    if (this.#sink === "element" && this.#depth === this.#arrayDepth) {
                        // A scalar element ends where its array does.
                        if (byte !== CLOSE_BRACKET)
                            throw new SyntaxError(`Unexpected '}' in the '${this.#member}' array`);
                        this.#emit(chunk, from, i);
                        this.#depth--;
                        this.#sink = "rest";
                        from = i;
                        break;
                    }
                    this.#depth--;
                    if (this.#sink === "element" && this.#depth === this.#arrayDepth) {
                        this.#emit(chunk, from, i + 1);
                        this.#sink = "between";
                        this.#afterElement = true;
                        from = i + 1;
                    }
                    break;
                case COMMA:
                    if (this.#sink === "element" && this.#depth === this.#arrayDepth) {
                        this.#emit(chunk, from, i);
                        this.#sink = "between";
                        this.#elementNext = true;
                        from = i + 1;
                    }
                    else if (this.#depth === 1)
                        this.#keyNext = true;
                    break;
                case COLON:
                    if (this.#depth === 1 && !this.#streamed && this.#member !== undefined && this.#lastKeyIsMember)
                        this.#memberValueNext = true;
                    break;
            }
        }
        flush(chunk.length);
        if (this.#keyMatched !== undefined && this.#inString)
            this.#matchKey(chunk, keyFrom, chunk.length);
    }
    /** Goes on matching the key being read against the member's name with its bytes from `from` to `to`. */
    #matchKey(chunk, from, to) {
        let matched = this.#keyMatched;
        if (matched < 0)
            return;
        if (matched + to - from > this.#memberKey.length)
            matched = -1;
        for (let i = from; i < to && matched >= 0; i++)
            matched = chunk[i] === this.#memberKey[matched] ? matched + 1 : -1;
        this.#keyMatched = matched;
    }
    /**
     * The index of the quote that closes the string going on at `start`, or -1 when the string runs
     * past the chunk (and then whether the chunk ends inside an escape is remembered).
     */
    #closingQuote(chunk, start) {
        let from = start;
        if (this.#escaped) {
            this.#escaped = false;
            from++;
        }
        for (;;) {
            const quote = chunk.indexOf(QUOTE, from);
            const end = quote < 0 ? chunk.length : quote;
            let backslashes = 0;
            while (end - backslashes - 1 >= from && chunk[end - backslashes - 1] === BACKSLASH)
                backslashes++;
            if (quote < 0) {
                this.#escaped = backslashes % 2 === 1;
                return -1;
            }
            if (backslashes % 2 === 0)
                return quote;
            from = quote + 1;
        }
    }
    #emit(chunk, from, to) {
        if (to > from)
            this.#element.push(chunk.subarray(from, to));
        const pieces = this.#element;
        const bytes = pieces.length === 1 ? pieces[0] : Buffer.concat(pieces);
        this.#element = [];
        this.#onBytes(bytes);
    }
    end() {
        if (this.#sink !== "rest")
            throw new SyntaxError("Unexpected end of JSON input");
        return JSON.parse(Buffer.concat(this.#rest).toString("utf8"));
    }
}


/***/ }),

/***/ 15927:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ triageOf),
/* harmony export */   x: () => (/* binding */ severityOf)
/* harmony export */ });
/* harmony import */ var _issue_triage_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(49595);
/* harmony import */ var _issue_vocabulary_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(81731);
/**
 * An alert in our own vocabulary, whichever API it came from: what an issue, a triage decision and
 * a report need. Each source translates its API's alert into this at its border. Pure.
 */


function severityOf(alert) {
    return _issue_vocabulary_js__WEBPACK_IMPORTED_MODULE_1__/* .SEVERITIES */ .oC.find((s) => s === alert.severity) ?? "UnSpecified";
}
/** An alert's triage fields in our vocabulary: values outside it (`Unknown`, a new enum) read as none. */
function triageOf(alert) {
    const status = alert.status === "Resolved" || alert.status === "InProgress" ? alert.status : "New";
    const classification = _issue_vocabulary_js__WEBPACK_IMPORTED_MODULE_1__/* .CLASSIFICATIONS */ .Ii.find((c) => c === alert.classification) ?? null;
    const determination = alert.determination ? (0,_issue_triage_js__WEBPACK_IMPORTED_MODULE_0__/* .canonicalDetermination */ .w9)(alert.determination) : null;
    return {
        status,
        classification: classification,
        determination: determination && _issue_vocabulary_js__WEBPACK_IMPORTED_MODULE_1__/* .DETERMINATIONS */ .rH.includes(determination) ? determination : null,
        owner: alert.assignedTo?.trim() || null,
    };
}


/***/ }),

/***/ 34444:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fe: () => (/* binding */ readAlertApart),
/* harmony export */   Fv: () => (/* binding */ sharedName),
/* harmony export */   Nf: () => (/* binding */ KeptIncidentAlert),
/* harmony export */   lO: () => (/* binding */ evidenceSideBySide),
/* harmony export */   ue: () => (/* binding */ shared)
/* harmony export */ });
/* harmony import */ var _json_stream_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(37346);
/**
 * How an incident listing keeps thousands of alerts small, whatever their source: each alert's JSON
 * is read apart from its evidence, which is kept as bytes, an incident's alerts' evidence side by
 * side in one buffer, until an issue's body gathers it; and the words many alerts share (products,
 * sources, tenants, titles) are held once.
 */

function readAlertApart(bytes) {
    const evidence = [];
    const raw = (0,_json_stream_js__WEBPACK_IMPORTED_MODULE_0__/* .readMemberBytes */ .S5)(bytes, "evidence", (item) => evidence.push(item));
    // An `evidence` that was not streamed (its name spelt with escapes) is left in `raw`; anything
    // but an array reads as no evidence, as the sources' readers read it.
    const left = raw !== null && typeof raw === "object" ? raw.evidence : undefined;
    if (Array.isArray(left))
        for (const item of left)
            evidence.push(Buffer.from(JSON.stringify(item)));
    return { raw, evidence };
}
/**
 * The evidence of an incident's alerts, copied side by side into one buffer (so that what is kept is
 * the evidence, not every chunk of the reply it came in): the i-th alert's is the i-th.
 */
function evidenceSideBySide(apart) {
    const { buffer, bounds } = (0,_json_stream_js__WEBPACK_IMPORTED_MODULE_0__/* .arraysOfBytes */ .Be)(apart.map((item) => item.evidence));
    return apart.map((_, i) => ({ buffer, start: bounds[i], end: bounds[i + 1] }));
}
const decoder = new TextDecoder();
/**
 * An incident's alert as thousands of them are kept, whatever its source: no closure or view of its
 * own, the words many alerts share held once, its times as numbers (a Date costs about 100 bytes,
 * and each alert has two), and where its evidence lies in its incident's one buffer. A source reads
 * the evidence in its own words (`evidence()`).
 */
class KeptIncidentAlert {
    id;
    title;
    severity;
    status;
    product;
    detectionSource;
    webUrl;
    tenantId;
    serviceSource;
    #createdAt;
    #firstActivity;
    #evidence;
    #evidenceStart;
    #evidenceEnd;
    constructor(shown, serviceSource, evidence) {
        this.id = shown.id;
        this.title = shared(shown.title);
        this.severity = shown.severity;
        this.status = shown.status;
        this.product = shared(shown.product);
        this.detectionSource = shared(shown.detectionSource);
        this.webUrl = shown.webUrl;
        this.tenantId = shared(shown.tenantId);
        this.serviceSource = shared(serviceSource);
        this.#createdAt = shown.createdAt.getTime();
        this.#firstActivity = shown.firstActivity?.getTime() ?? null;
        this.#evidence = evidence.buffer;
        this.#evidenceStart = evidence.start;
        this.#evidenceEnd = evidence.end;
    }
    get createdAt() {
        return new Date(this.#createdAt);
    }
    get firstActivity() {
        return this.#firstActivity === null ? null : new Date(this.#firstActivity);
    }
    /** The alert's evidence array, parsed. */
    evidenceItems() {
        return JSON.parse(decoder.decode(this.#evidence.subarray(this.#evidenceStart, this.#evidenceEnd)));
    }
}
/**
 * Strings held once: at most `max` of them, of at most 256 characters, so that odd input cannot
 * grow the table without end (a string past either is kept as it came).
 */
class Interned {
    #held = new Map();
    #max;
    constructor(max) {
        this.#max = max;
    }
    of(value) {
        if (value === null || value.length > 256)
            return value;
        const known = this.#held.get(value);
        if (known !== undefined)
            return known;
        if (this.#held.size < this.#max)
            this.#held.set(value, value);
        return value;
    }
}
// Words and names have tables of their own, so that thousands of devices cannot crowd out the words.
const words = new Interned(1000);
const names = new Interned(1000);
/** The one copy of a word many alerts share: a product, a detection source, a tenant, a title. */
const shared = (value) => words.of(value);
/** The one copy of a name many alerts share: a device's name or ID, a user. */
const sharedName = (value) => names.of(value);


/***/ }),

/***/ 88772:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GW: () => (/* binding */ problemsOf),
/* harmony export */   Qq: () => (/* binding */ text),
/* harmony export */   TH: () => (/* binding */ idOf),
/* harmony export */   kB: () => (/* binding */ time),
/* harmony export */   kX: () => (/* binding */ optionalTime)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(50000);
/**
 * How both sources read the fields of an alert or incident: strict where the action relies on a
 * value (a time it orders by), lenient elsewhere (a field of the wrong type reads as none).
 */

// Defender and Graph write 0 to 7 fractional digits; anything else is not a time we can order by.
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
const time = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
    .regex(ISO_TIME)
    .transform((value) => new Date(value));
const optionalTime = time.nullish().catch(null);
const text = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullish().catch(null);
/** The ID of something that did not read, for the report: its `id` when it has a string one. */
function idOf(raw) {
    return typeof raw === "object" && raw !== null && typeof raw.id === "string" ? raw.id : "(no id)";
}
/** Why it did not read, field by field (`createdDateTime: Invalid string`). */
function problemsOf(error, what = "alert") {
    return error.issues.map((issue) => `${issue.path.join(".") || what}: ${issue.message}`).join("; ");
}


/***/ }),

/***/ 71380:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EB: () => (/* binding */ anyOf),
/* harmony export */   M6: () => (/* binding */ severitiesFrom),
/* harmony export */   R3: () => (/* binding */ odataTime),
/* harmony export */   TW: () => (/* binding */ odataString)
/* harmony export */ });
/* harmony import */ var _issue_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(81731);
/** OData literals and clauses both sources' $filter use. Pure. */

/** OData datetime literal: unquoted ISO-8601 UTC, whole seconds. */
function odataTime(time) {
    return new Date(Math.floor(time.getTime() / 1000) * 1000).toISOString().replace(".000Z", "Z");
}
function odataString(value) {
    return `'${value.replace(/'/g, "''")}'`;
}
function anyOf(property, values) {
    const terms = values.map((value) => `${property} eq ${odataString(value)}`);
    return terms.length === 1 ? terms[0] : `(${terms.join(" or ")})`;
}
/** Severities at or above the minimum; UnSpecified counts as the lowest, so it passes Informational only. */
function severitiesFrom(minimum) {
    return _issue_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .SEVERITIES */ .oC.slice(Math.max(1, _issue_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .SEVERITIES */ .oC.indexOf(minimum)));
}


/***/ })

};
