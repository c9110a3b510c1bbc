# The useless machine operator, laid out as `uselessctl init` scaffolds a project (the same
# targets, in the same sections), plus the targets this repository needs as the toolkit's home.
# Image URL to use for building and deploying the manager.
IMG ?= controller:latest
KUBECTL ?= kubectl
CONTAINER_TOOL ?= docker

.PHONY: all
all: build

##@ General

.PHONY: help
help: ## Display this help.
	@awk 'BEGIN {FS = ":.*##"; printf "\nUsage:\n  make \033[36m<target>\033[0m\n"} /^[a-zA-Z_0-9-]+:.*?##/ { printf "  \033[36m%-15s\033[0m %s\n", $$1, $$2 } /^##@/ { printf "\n\033[1m%s\033[0m\n", substr($$0, 5) } ' $(MAKEFILE_LIST)

##@ Development

.PHONY: manifests
manifests: ## Generate the CRDs (config/crd/bases), the manager ClusterRole (config/rbac/role.yaml) and the webhook configurations (config/webhook/manifests.yaml) from api/, controllers/ and webhooks/.
	npm run manifests

.PHONY: typecheck
typecheck: ## Type-check every TypeScript file.
	npm run typecheck

.PHONY: test
test: manifests ## Run every test: unit, integration, e2e (and conformance where the reference control plane is built).
	npm test

.PHONY: lint
lint: ## Lint (eslint) and check the formatting (prettier) of the repository.
	npm run lint

.PHONY: start
start: ## Run the demo: a local API server with the CRDs and samples, and the operator on it.
	npm start

##@ Build

.PHONY: build
build: manifests typecheck ## Compile the toolkit and the manager into dist/.
	npm run build

# Flags for the manager, e.g. RUN_ARGS=--health-probe-bind-address=0 when port 8081 is taken.
RUN_ARGS ?=

.PHONY: run
run: build ## Run the compiled manager (dist/main.js) from your host against the cluster the current kubeconfig names.
	node --optimize-for-size dist/main.js $(RUN_ARGS)

.PHONY: docker-build
docker-build: ## Build the manager's container image.
	$(CONTAINER_TOOL) build -t $(IMG) .

.PHONY: docker-push
docker-push: ## Push the manager's container image.
	$(CONTAINER_TOOL) push $(IMG)

##@ Deployment

# Server-side apply: large CRDs exceed the size of the last-applied-configuration annotation.
.PHONY: install
install: manifests ## Install the CRDs into the cluster the current kubeconfig names.
	$(KUBECTL) apply --server-side -k config/crd

.PHONY: uninstall
uninstall: manifests ## Uninstall the CRDs from the cluster the current kubeconfig names.
	$(KUBECTL) delete --ignore-not-found -k config/crd

.PHONY: deploy
deploy: manifests ## Deploy the manager (CRDs, RBAC, Deployment; image set in config/manager/kustomization.yaml).
	$(KUBECTL) apply --server-side -k config/default

.PHONY: undeploy
undeploy: ## Undeploy the manager from the cluster the current kubeconfig names.
	$(KUBECTL) delete --ignore-not-found -k config/default
