# The useless machine operator, laid out as `uselessctl init` scaffolds a project.
UCTL ?= node --conditions=uselessctl-source --import tsx cli/main.ts

.PHONY: all manifests build test run install uninstall

all: build

manifests: ## Generate CRDs (config/crd/bases) and the manager ClusterRole (config/rbac/role.yaml).
	$(UCTL) generate manifests

build: ## Compile the toolkit and the operator into dist/.
	npm run build

test: ## Run every test: unit, integration, e2e.
	npm test

run: build ## Run the compiled operator (dist/main.js) against the cluster the current kubeconfig names.
	node dist/main.js $(RUN_ARGS)

install: manifests ## Install the CRDs into the current cluster (server-side: large CRDs exceed the annotation limit).
	kubectl apply --server-side -f config/crd/bases

uninstall: ## Remove the CRDs from the current cluster.
	kubectl delete --ignore-not-found -f config/crd/bases
