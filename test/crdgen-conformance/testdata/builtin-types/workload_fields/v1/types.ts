import type { DeploymentStrategy } from "uselessctl/apis/apps/v1";
import type { MetricSpec } from "uselessctl/apis/autoscaling/v2";
import type {
  Affinity,
  Container,
  EnvVar,
  LoadBalancerStatus,
  LocalObjectReference,
  ObjectReference,
  PersistentVolumeClaimTemplate,
  PodCondition,
  PodSecurityContext,
  ResourceList,
  ServicePort,
  Toleration,
  Volume,
} from "uselessctl/apis/core/v1";
import type { LabelSelector } from "uselessctl/apis/meta/v1";
import type { IngressSpec } from "uselessctl/apis/networking/v1";
import type { PodDisruptionBudgetSpec } from "uselessctl/apis/policy/v1";
import type { IntOrString, ObjectMeta, Quantity, TypeMeta } from "uselessctl";

/** AppSpec gathers built-in types an operator's spec commonly holds. */
export interface AppSpec {
  /**
   * containers run in the app's pods.
   * +listType=map
   * +listMapKey=name
   */
  containers: Container[];

  /**
   * sidecar runs beside them.
   * +optional
   */
  sidecar?: Container;

  /**
   * imagePullSecrets for the images.
   * +optional
   */
  imagePullSecrets?: LocalObjectReference[];

  /**
   * ports the app's service exposes.
   * +optional
   */
  ports?: ServicePort[];

  /**
   * env of every container.
   * +optional
   */
  env?: EnvVar[];

  /**
   * volumes of the pods.
   * +optional
   */
  volumes?: Volume[];

  /**
   * affinity of the pods.
   * +optional
   */
  affinity?: Affinity;

  /**
   * tolerations of the pods.
   * +optional
   */
  tolerations?: Toleration[];

  /**
   * securityContext of the pods.
   * +optional
   */
  securityContext?: PodSecurityContext;

  /**
   * limits per resource name.
   * +optional
   */
  limits?: ResourceList;

  /**
   * storage is the volume size.
   * +optional
   */
  storage?: Quantity;

  /**
   * maxUnavailable during updates.
   * +optional
   */
  maxUnavailable?: IntOrString;

  /**
   * strategy of the app's deployment.
   * +optional
   */
  strategy?: DeploymentStrategy;

  /**
   * selector of the app's pods.
   * +optional
   */
  selector?: LabelSelector;

  /**
   * ingress of the app.
   * +optional
   */
  ingress?: IngressSpec;

  /**
   * budget of the app.
   * +optional
   */
  budget?: PodDisruptionBudgetSpec;

  /**
   * metrics to scale on.
   * +optional
   */
  metrics?: MetricSpec[];

  /**
   * claims the app's pods make.
   * +optional
   */
  claims?: PersistentVolumeClaimTemplate[];
}

/** AppStatus is observed state. */
export interface AppStatus {
  /**
   * conditions of the app's last pod.
   * +optional
   */
  conditions?: PodCondition[];

  /**
   * loadBalancer of the app's service.
   * +optional
   */
  loadBalancer?: LoadBalancerStatus;

  /**
   * events about the app.
   * +optional
   */
  events?: ObjectReference[];
}

/**
 * App is the fixture's kind.
 * +kubebuilder:object:root=true
 * +kubebuilder:subresource:status
 */
export interface App extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: AppSpec;
  status?: AppStatus;
}
