// Command apis writes uselessctl's TypeScript modules for Kubernetes' built-in API types
// (runtime/apis/k8s/<group>/<version>.ts, imported as "uselessctl/apis/<group>/<version>") from
// the Go sources controller-gen itself reads: k8s.io/api and the other API packages that
// kube-apiserver serves, at the versions hack/control-plane/go.mod pins.
//
// Usage: go run . -out <dir> [-control-plane <dir with go.mod>]
//
// The output is not formatted; hack/apis/generate.ts runs prettier over it.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
)

// servedPackage is one group version kube-apiserver serves by default, or meta/v1, whose types
// the others share.
type servedPackage struct {
	module     string
	importPath string
	// tsPath is where the module lands under -out and under "uselessctl/apis/": the Go package
	// path below k8s.io/api (or the group's own package name), as a kubebuilder user imports it.
	tsPath string
	// referencedOnly emits only the types the other packages use (meta/v1 is mostly for
	// clients, and its kinds are the runtime's own).
	referencedOnly bool
}

const metaV1 = "k8s.io/apimachinery/pkg/apis/meta/v1"

// The group versions kube-apiserver v1.37 enables by default: pkg/controlplane/instance.go's
// genericStableAPIGroupVersionsEnabledByDefault and stableAPIGroupVersionsEnabledByDefault, plus
// apiextensions.k8s.io/v1 and apiregistration.k8s.io/v1, which the same binary serves.
func servedPackages() []servedPackage {
	k8sAPI := []string{
		"core/v1", "admissionregistration/v1", "authentication/v1", "authorization/v1", "certificates/v1",
		"coordination/v1", "events/v1", "rbac/v1", "flowcontrol/v1",
		"apps/v1", "autoscaling/v1", "autoscaling/v2", "batch/v1", "discovery/v1", "networking/v1", "node/v1",
		"policy/v1", "resource/v1", "storage/v1", "scheduling/v1", "storagemigration/v1",
	}
	var packages []servedPackage
	for _, path := range k8sAPI {
		packages = append(packages, servedPackage{module: "k8s.io/api", importPath: "k8s.io/api/" + path, tsPath: path})
	}
	return append(packages,
		servedPackage{
			module:     "k8s.io/apiextensions-apiserver",
			importPath: "k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/v1",
			tsPath:     "apiextensions/v1",
		},
		servedPackage{
			module:     "k8s.io/kube-aggregator",
			importPath: "k8s.io/kube-aggregator/pkg/apis/apiregistration/v1",
			tsPath:     "apiregistration/v1",
		},
		servedPackage{module: "k8s.io/apimachinery", importPath: metaV1, tsPath: "meta/v1", referencedOnly: true},
	)
}

// moduleSource is where a module's sources sit in the module cache, and at which version.
type moduleSource struct {
	dir     string
	version string
}

// moduleSources asks the go command, in the control plane's module, where the pinned modules are.
func moduleSources(controlPlaneDir string, modules []string) (map[string]moduleSource, error) {
	// a no-op when the control plane has been built; otherwise fetches the sources from the Go proxy
	download := exec.Command("go", append([]string{"mod", "download"}, modules...)...)
	download.Dir = controlPlaneDir
	if out, err := download.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("go mod download in %s: %v: %s", controlPlaneDir, err, out)
	}
	cmd := exec.Command("go", append([]string{"list", "-m", "-json"}, modules...)...)
	cmd.Dir = controlPlaneDir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go list -m in %s: %v: %s", controlPlaneDir, err, stderr.String())
	}
	type listed struct {
		Path, Version, Dir string
		Replace            *struct{ Path, Version, Dir string }
	}
	found := map[string]moduleSource{}
	decoder := json.NewDecoder(bytes.NewReader(out))
	for decoder.More() {
		var m listed
		if err := decoder.Decode(&m); err != nil {
			return nil, fmt.Errorf("reading go list -m output: %v", err)
		}
		source := moduleSource{dir: m.Dir, version: m.Version}
		if m.Replace != nil {
			source = moduleSource{dir: m.Replace.Dir, version: m.Replace.Version}
		}
		if source.dir == "" {
			return nil, fmt.Errorf("%s@%s is not in the module cache; run `go mod download` in %s", m.Path, source.version, controlPlaneDir)
		}
		found[m.Path] = source
	}
	return found, nil
}

func main() {
	out := flag.String("out", "", "directory to write the TypeScript modules to (required)")
	catalogOut := flag.String("catalog-out", "", "directory to write the API server's catalog modules to (optional)")
	discovery := flag.String("discovery", "reference_discovery.json", "the reference kube-apiserver's discovery documents")
	controlPlane := flag.String("control-plane", "../control-plane", "directory of the go.mod that pins the Kubernetes release")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "apis: -out is required")
		os.Exit(2)
	}
	if err := run(*out, *catalogOut, *discovery, *controlPlane); err != nil {
		fmt.Fprintln(os.Stderr, "apis:", err)
		os.Exit(1)
	}
}

func run(out, catalogOut, discoveryPath, controlPlaneDir string) error {
	packages := servedPackages()
	moduleSet := map[string]bool{}
	for _, p := range packages {
		moduleSet[p.module] = true
	}
	var modules []string
	for m := range moduleSet {
		modules = append(modules, m)
	}
	sort.Strings(modules)
	sources, err := moduleSources(controlPlaneDir, modules)
	if err != nil {
		return err
	}
	universe := newUniverse(sources)
	for _, p := range packages {
		source := sources[p.module]
		dir := filepath.Join(source.dir, p.importPath[len(p.module):])
		if err := universe.load(p, dir, p.module+"@"+source.version); err != nil {
			return err
		}
	}
	if err := universe.markEmitted(); err != nil {
		return err
	}
	if catalogOut != "" {
		// before the runtime modules: the catalog may parse packages they need not declare
		discovery, err := readReferenceDiscovery(discoveryPath)
		if err != nil {
			return err
		}
		groups, writer, err := universe.buildCatalog(discovery)
		if err != nil {
			return err
		}
		api := sources["k8s.io/api"]
		if err := writer.writeCatalog(catalogOut, groups, "k8s.io/api@"+api.version); err != nil {
			return err
		}
	}
	for _, importPath := range universe.order {
		p := universe.packages[importPath].spec
		text, err := universe.emit(p.importPath)
		if err != nil {
			return err
		}
		file := filepath.Join(out, filepath.FromSlash(p.tsPath)+".ts")
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
			return err
		}
	}
	return nil
}
