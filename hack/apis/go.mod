// The generator of uselessctl/apis/* (runtime/apis/k8s/): reads the Go sources of the API packages
// that kube-apiserver serves, at the versions hack/control-plane/go.mod pins, with the standard
// library's go/parser only, and writes TypeScript. `npm run apis:generate` runs it.
module uselessctl.dev/hack/apis

go 1.26.0
