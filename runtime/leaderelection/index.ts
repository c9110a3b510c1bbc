/**
 * Leader election on a coordination.k8s.io/v1 Lease: {@link LeaderElector}. The manager uses it
 * when `leaderElection: true` so that of several replicas exactly one runs controllers.
 */
export {
  LeaderElector,
  LeaderElectionLostError,
  DEFAULT_LEADER_ELECTION_OPTIONS,
  defaultIdentity,
  type LeaderElectionOptions,
} from "./leader_elector.js";
