/**
 * Rows for the evidence of cloud workloads: Azure, AWS and Google Cloud resources, storage blobs,
 * Kubernetes objects and containers. Pure.
 */
import type { SecurityNamespace as S } from "@microsoft/microsoft-graph-types";
import { Details, eachField, fieldOf, type Fields, hashName, ipOf, joinPath, list, other, type Raw, type Row, str, strings } from "./evidence-fields.js";

/** `namespace/name`, as kubectl names a namespaced object. */
function namespaced(raw: unknown): string | null {
  const namespace = fieldOf<S.KubernetesPodEvidence>(raw, "namespace");
  return joinPath(str(fieldOf<S.KubernetesNamespaceEvidence>(namespace, "name")), str(fieldOf<S.KubernetesPodEvidence>(raw, "name")), "/");
}

function clusterOf(namespace: unknown): string | null {
  return str(fieldOf<S.KubernetesClusterEvidence>(fieldOf<S.KubernetesNamespaceEvidence>(namespace, "cluster"), "name"));
}

const cloud = {
  azureResourceEvidence: (raw: Fields<S.AzureResourceEvidence>): Row => {
    const d = new Details();
    d.text("type", str(raw.resourceType));
    d.code("ID", str(raw.resourceId));
    return { type: "Azure resource", entity: str(raw.resourceName) ?? str(raw.resourceId), details: d };
  },
  amazonResourceEvidence: (raw: Fields<S.AmazonResourceEvidence>): Row => {
    const entity = str(raw.resourceName) ?? str(raw.amazonResourceId);
    const d = new Details();
    d.text("type", str(raw.resourceType));
    d.code("ID", other(str(raw.amazonResourceId), entity));
    d.code("account", str(raw.amazonAccountId));
    return { type: "AWS resource", entity, details: d };
  },
  googleCloudResourceEvidence: (raw: Fields<S.GoogleCloudResourceEvidence>): Row => {
    const entity = str(raw.resourceName) ?? str(raw.fullResourceName);
    const d = new Details();
    d.text("type", str(raw.resourceType));
    d.code("full name", other(str(raw.fullResourceName), entity));
    d.code("project", str(raw.projectId));
    d.text("location", str(raw.location));
    return { type: "Google Cloud resource", entity, details: d };
  },
  blobContainerEvidence: (raw: Fields<S.BlobContainerEvidence>): Row => {
    const d = new Details();
    d.code("storage", str(fieldOf<S.AzureResourceEvidence>(raw.storageResource, "resourceName")));
    return { type: "Blob container", entity: str(raw.url) ?? str(raw.name), details: d };
  },
  blobEvidence: (raw: Fields<S.BlobEvidence>): Row => {
    const d = new Details();
    d.code("container", str(fieldOf<S.BlobContainerEvidence>(raw.blobContainer, "name")));
    for (const hash of Array.isArray(raw.fileHashes) ? raw.fileHashes : []) {
      d.code(hashName(fieldOf<S.FileHash>(hash, "algorithm")), str(fieldOf<S.FileHash>(hash, "value")));
    }
    return { type: "Blob", entity: str(raw.url) ?? str(raw.name), details: d };
  },
};

const kubernetes = {
  kubernetesClusterEvidence: (raw: Fields<S.KubernetesClusterEvidence>): Row => {
    const d = new Details();
    d.text("platform", str(raw.platform));
    d.text("distribution", str(raw.distribution));
    d.text("version", str(raw.version));
    return { type: "Kubernetes cluster", entity: str(raw.name), details: d };
  },
  kubernetesNamespaceEvidence: (raw: Fields<S.KubernetesNamespaceEvidence>): Row => ({
    type: "Kubernetes namespace",
    entity: str(raw.name),
    details: new Details().code("cluster", str(fieldOf<S.KubernetesClusterEvidence>(raw.cluster, "name"))),
  }),
  kubernetesPodEvidence: (raw: Fields<S.KubernetesPodEvidence>): Row => {
    const d = new Details();
    d.code("cluster", clusterOf(raw.namespace));
    d.code("IP", ipOf(raw.podIp));
    d.code("containers", list(eachField<S.ContainerEvidence>(raw.containers, "name")));
    d.code("service account", str(fieldOf<S.KubernetesServiceAccountEvidence>(raw.serviceAccount, "name")));
    return { type: "Kubernetes pod", entity: namespaced(raw), details: d };
  },
  kubernetesControllerEvidence: (raw: Fields<S.KubernetesControllerEvidence>): Row => ({
    type: "Kubernetes controller",
    entity: namespaced(raw),
    details: new Details().text("type", str(raw.type)).code("cluster", clusterOf(raw.namespace)),
  }),
  kubernetesServiceEvidence: (raw: Fields<S.KubernetesServiceEvidence>): Row => {
    const d = new Details();
    d.text("type", str(raw.serviceType));
    d.code("cluster IP", ipOf(raw.clusterIP));
    d.code("external IPs", list(eachField<S.IpEvidence>(raw.externalIPs, "ipAddress")));
    d.code("cluster", clusterOf(raw.namespace));
    return { type: "Kubernetes service", entity: namespaced(raw), details: d };
  },
  kubernetesServiceAccountEvidence: (raw: Fields<S.KubernetesServiceAccountEvidence>): Row => ({
    type: "Kubernetes service account",
    entity: namespaced(raw),
    details: new Details().code("cluster", clusterOf(raw.namespace)),
  }),
  kubernetesSecretEvidence: (raw: Fields<S.KubernetesSecretEvidence>): Row => ({
    type: "Kubernetes secret",
    entity: namespaced(raw),
    details: new Details().text("type", str(raw.secretType)).code("cluster", clusterOf(raw.namespace)),
  }),
  containerEvidence: (raw: Fields<S.ContainerEvidence>): Row => {
    const d = new Details();
    d.code("image", str(fieldOf<S.ContainerImageEvidence>(raw.image, "imageId")));
    d.code("command", [...strings(raw.command), ...strings(raw.args)].join(" ") || null);
    d.text(undefined, raw.isPrivileged === true ? "privileged" : null);
    d.code("pod", namespaced(raw.pod));
    d.code("container ID", str(raw.containerId));
    return { type: "Container", entity: str(raw.name) ?? str(raw.containerId), details: d };
  },
  containerImageEvidence: (raw: Fields<S.ContainerImageEvidence>): Row => ({
    type: "Container image",
    entity: str(raw.imageId),
    details: new Details().code("registry", str(fieldOf<S.ContainerRegistryEvidence>(raw.registry, "registry"))),
  }),
  containerRegistryEvidence: (raw: Fields<S.ContainerRegistryEvidence>): Row => ({ type: "Container registry", entity: str(raw.registry), details: new Details() }),
};

export const CLOUD_ROWS: Readonly<Record<string, (raw: Raw) => Row>> = { ...cloud, ...kubernetes };
