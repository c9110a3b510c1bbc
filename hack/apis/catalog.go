package main

// The API server's catalog of the built-in API: for every resource the reference kube-apiserver
// lists in discovery (hack/apis/reference_discovery.json, captured from it), its discovery facts
// and its Go kind; and, for every Go type those kinds reach, its JSON fields with the struct tags
// and markers the server's generic behaviour follows (decoding, zero values, strategic merge
// patch, managedFields tracking, protobuf).

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"go/ast"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
)

// specialTypes are types of packages the generator does not parse, or whose UnmarshalJSON
// accepts something other than their fields: the server knows them by these names.
var specialTypes = map[string]string{
	"k8s.io/apimachinery/pkg/api/resource.Quantity":   "resource.Quantity",
	"k8s.io/apimachinery/pkg/util/intstr.IntOrString": "intstr.IntOrString",
	"k8s.io/apimachinery/pkg/runtime.RawExtension":    "runtime.RawExtension",
	"k8s.io/apimachinery/pkg/types.UID":               "types.UID",
	"k8s.io/apimachinery/pkg/types.NodeName":          "types.NodeName",
	metaV1 + ".Time":                                  "v1.Time",
	metaV1 + ".MicroTime":                             "v1.MicroTime",
	metaV1 + ".Duration":                              "v1.Duration",
	metaV1 + ".FieldsV1":                              "v1.FieldsV1",
	apiextensionsV1 + ".JSON":                         "v1.JSON",
}

type discoveryKind struct {
	Group   string `json:"group"`
	Version string `json:"version"`
	Kind    string `json:"kind"`
}

type discoverySubresource struct {
	Subresource  string         `json:"subresource"`
	ResponseKind *discoveryKind `json:"responseKind,omitempty"`
	Verbs        []string       `json:"verbs"`
}

type discoveryResource struct {
	Resource         string                 `json:"resource"`
	ResponseKind     *discoveryKind         `json:"responseKind,omitempty"`
	Scope            string                 `json:"scope"`
	SingularResource string                 `json:"singularResource"`
	Verbs            []string               `json:"verbs"`
	ShortNames       []string               `json:"shortNames,omitempty"`
	Categories       []string               `json:"categories,omitempty"`
	Subresources     []discoverySubresource `json:"subresources,omitempty"`
}

type discoveryList struct {
	Items []struct {
		Metadata struct {
			Name string `json:"name"`
		} `json:"metadata"`
		Versions []struct {
			Version   string              `json:"version"`
			Resources []discoveryResource `json:"resources"`
		} `json:"versions"`
	} `json:"items"`
}

type legacyResourceList struct {
	Resources []struct {
		Name               string `json:"name"`
		Group              string `json:"group,omitempty"`
		Version            string `json:"version,omitempty"`
		StorageVersionHash string `json:"storageVersionHash,omitempty"`
	} `json:"resources"`
}

type referenceDiscovery struct {
	Aggregated map[string]discoveryList   `json:"aggregated"`
	Legacy     map[string]json.RawMessage `json:"legacy"`
	// lists are the legacy resource lists, by group version.
	lists map[string]legacyResourceList
}

// catalogResource is one served resource as the server's catalog records it.
type catalogResource struct {
	Group              string               `json:"group"`
	Version            string               `json:"version"`
	Resource           string               `json:"resource"`
	Singular           string               `json:"singular"`
	Kind               string               `json:"kind"`
	Namespaced         bool                 `json:"namespaced"`
	Verbs              []string             `json:"verbs"`
	ShortNames         []string             `json:"shortNames"`
	Categories         []string             `json:"categories"`
	Subresources       []catalogSubresource `json:"subresources"`
	StorageVersion     string               `json:"storageVersion"`
	StorageVersionHash string               `json:"storageVersionHash"`
	ResponseKind       discoveryKind        `json:"responseKind"`
	GoType             string               `json:"goType"`
}

type catalogSubresource struct {
	Subresource string `json:"subresource"`
	// The kind the subresource answers with: the resource's own, or another group's (Scale).
	Group        string        `json:"group"`
	Version      string        `json:"version"`
	Kind         string        `json:"kind"`
	Verbs        []string      `json:"verbs"`
	ResponseKind discoveryKind `json:"responseKind"`
	GoType       string        `json:"goType"`
}

type catalogGroup struct {
	Name     string           `json:"name"`
	Versions []catalogVersion `json:"versions"`
}

type catalogVersion struct {
	Version   string            `json:"version"`
	Resources []catalogResource `json:"resources"`
}

// goField is one field of a Go struct in the catalog.
type goField struct {
	JSON          string   `json:"json"`
	Type          string   `json:"type"`
	Inline        bool     `json:"inline,omitempty"`
	OmitEmpty     bool     `json:"omitempty,omitempty"`
	OmitZero      bool     `json:"omitzero,omitempty"`
	Protobuf      string   `json:"protobuf,omitempty"`
	ListType      string   `json:"listType,omitempty"`
	ListMapKeys   []string `json:"listMapKeys,omitempty"`
	MapType       string   `json:"mapType,omitempty"`
	StructType    string   `json:"structType,omitempty"`
	PatchStrategy string   `json:"patchStrategy,omitempty"`
	PatchMergeKey string   `json:"patchMergeKey,omitempty"`
}

// goTypeModel is one named Go type: a struct's fields, or another type's underlying form.
type goTypeModel struct {
	Name       string    `json:"name"`
	Fields     []goField `json:"fields,omitempty"`
	Underlying string    `json:"underlying,omitempty"`
	ListType   string    `json:"listType,omitempty"`
	MapType    string    `json:"mapType,omitempty"`
	StructType string    `json:"structType,omitempty"`
}

// catalogWriter collects the types the served kinds reach, per package.
type catalogWriter struct {
	universe *universe
	types    map[string]map[string]goTypeModel // tsPath → type name → model
	pending  []*typeDecl
	seen     map[*typeDecl]bool
}

func readReferenceDiscovery(path string) (*referenceDiscovery, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var discovery referenceDiscovery
	if err := json.Unmarshal(data, &discovery); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	discovery.lists = map[string]legacyResourceList{}
	for path, raw := range discovery.Legacy {
		var list legacyResourceList
		if strings.Count(path, "/") < 2 || json.Unmarshal(raw, &list) != nil {
			continue
		}
		groupVersion := strings.TrimPrefix(strings.TrimPrefix(path, "/apis/"), "/api/")
		discovery.lists[groupVersion] = list
	}
	return &discovery, nil
}

// packageFor finds the parsed package of a group version.
func (u *universe) packageFor(group, version string) *apiPackage {
	for _, path := range u.order {
		pkg := u.packages[path]
		if pkg.group == group && pkg.version == version && !pkg.spec.referencedOnly {
			return pkg
		}
	}
	return nil
}

// storageVersionOf is the served version whose storage hash discovery reports for a resource,
// and the hash; no version when the resource is stored as another group's kind.
func (d *referenceDiscovery) storageVersionOf(group, resource, kind string, versions []string) (string, string) {
	for _, version := range versions {
		groupVersion := version
		if group != "" {
			groupVersion = group + "/" + version
		}
		for _, entry := range d.lists[groupVersion].Resources {
			if entry.Name != resource || entry.StorageVersionHash == "" {
				continue
			}
			for _, candidate := range versions {
				if storageVersionHash(group, candidate, kind) == entry.StorageVersionHash {
					return candidate, entry.StorageVersionHash
				}
			}
			// stored as another group's kind (events.k8s.io Events are core/v1 Events)
			return "", entry.StorageVersionHash
		}
	}
	return "", ""
}

func (u *universe) buildCatalog(discovery *referenceDiscovery) ([]catalogGroup, *catalogWriter, error) {
	writer := &catalogWriter{universe: u, types: map[string]map[string]goTypeModel{}, seen: map[*typeDecl]bool{}}
	var groups []catalogGroup
	for _, document := range []string{"/api", "/apis"} {
		for _, item := range discovery.Aggregated[document].Items {
			group := catalogGroup{Name: item.Metadata.Name}
			var versions []string
			for _, v := range item.Versions {
				versions = append(versions, v.Version)
			}
			for _, v := range item.Versions {
				pkg := u.packageFor(group.Name, v.Version)
				if pkg == nil {
					return nil, nil, fmt.Errorf("discovery lists %s/%s, whose Go package is not parsed", group.Name, v.Version)
				}
				out := catalogVersion{Version: v.Version}
				for _, r := range v.Resources {
					resource, err := writer.resource(pkg, group.Name, v.Version, r, discovery, versions)
					if err != nil {
						return nil, nil, err
					}
					out.Resources = append(out.Resources, resource)
				}
				group.Versions = append(group.Versions, out)
			}
			groups = append(groups, group)
		}
	}
	// bodies every resource's requests decode besides its kinds, and what its responses encode:
	// its kind's list, Status errors, watch events and the metadata-only forms (protobuf responses)
	extras := []reference{{metaV1, "DeleteOptions"}, {metaV1, "Status"}, {metaV1, "WatchEvent"},
		{metaV1, "PartialObjectMetadata"}, {metaV1, "PartialObjectMetadataList"}}
	for _, path := range u.order {
		pkg := u.packages[path]
		if pkg.spec.referencedOnly {
			continue
		}
		for name := range pkg.types {
			if strings.HasSuffix(name, "List") && writer.seen[pkg.types[strings.TrimSuffix(name, "List")]] {
				extras = append(extras, reference{path, name})
			}
		}
	}
	sort.Slice(extras, func(i, j int) bool { return extras[i].key() < extras[j].key() })
	for _, extra := range extras {
		if _, err := writer.named(extra, nil); err != nil {
			return nil, nil, err
		}
	}
	if err := writer.drain(); err != nil {
		return nil, nil, err
	}
	return groups, writer, nil
}

func (w *catalogWriter) resource(pkg *apiPackage, group, version string, r discoveryResource, discovery *referenceDiscovery, versions []string) (catalogResource, error) {
	kind := r.ResponseKind.Kind
	decl, ok := pkg.types[kind]
	if !ok {
		return catalogResource{}, fmt.Errorf("%s/%s %s: no Go type %s", group, version, r.Resource, kind)
	}
	storageVersion, hash := discovery.storageVersionOf(group, r.Resource, kind, versions)
	resource := catalogResource{
		Group: group, Version: version, Resource: r.Resource, Singular: r.SingularResource, Kind: kind,
		Namespaced: r.Scope == "Namespaced", Verbs: nonNil(r.Verbs), ShortNames: nonNil(r.ShortNames),
		Categories: nonNil(r.Categories), StorageVersion: storageVersion, StorageVersionHash: hash,
		ResponseKind: *r.ResponseKind, GoType: w.enqueue(decl), Subresources: []catalogSubresource{},
	}
	for _, sub := range r.Subresources {
		out := catalogSubresource{Subresource: sub.Subresource, Verbs: nonNil(sub.Verbs), Group: group, Version: version, Kind: kind}
		if sub.ResponseKind != nil {
			out.ResponseKind = *sub.ResponseKind
			if sub.ResponseKind.Kind != "" {
				out.Kind = sub.ResponseKind.Kind
				if sub.ResponseKind.Version != "" {
					out.Group, out.Version = sub.ResponseKind.Group, sub.ResponseKind.Version
				}
			}
		}
		if target := w.universe.packageFor(out.Group, out.Version); target != nil {
			if subDecl, ok := target.types[out.Kind]; ok {
				out.GoType = w.enqueue(subDecl)
			}
		}
		resource.Subresources = append(resource.Subresources, out)
	}
	return resource, nil
}

// storageVersionHash is kube-apiserver's hash of a storage group/version/kind (discovery's storageVersionHash).
func storageVersionHash(group, version, kind string) string {
	sum := sha256.Sum256([]byte(group + "/" + version + "/" + kind))
	return base64.StdEncoding.EncodeToString(sum[:8])
}

func nonNil(values []string) []string {
	if values == nil {
		return []string{}
	}
	return values
}

func typeKey(decl *typeDecl) string { return decl.pkg.spec.tsPath + "." + decl.name }

func (w *catalogWriter) enqueue(decl *typeDecl) string {
	if !w.seen[decl] {
		w.seen[decl] = true
		w.pending = append(w.pending, decl)
	}
	return typeKey(decl)
}

func (w *catalogWriter) drain() error {
	for len(w.pending) > 0 {
		decl := w.pending[0]
		w.pending = w.pending[1:]
		model, err := w.model(decl)
		if err != nil {
			return err
		}
		path := decl.pkg.spec.tsPath
		if w.types[path] == nil {
			w.types[path] = map[string]goTypeModel{}
		}
		w.types[path][decl.name] = model
	}
	return nil
}

// goName is how Go's errors print a named type: its package's name and the type's.
func goName(decl *typeDecl) string { return filepath.Base(decl.pkg.spec.importPath) + "." + decl.name }

func markerValue(doc docComment, name string) string {
	for _, marker := range doc.allMarkers {
		if markerName(marker) == name {
			return strings.TrimSpace(strings.TrimPrefix(marker[len(name):], "="))
		}
	}
	return ""
}

func markerValues(doc docComment, name string) []string {
	var values []string
	for _, marker := range doc.allMarkers {
		if markerName(marker) == name {
			values = append(values, strings.TrimSpace(strings.TrimPrefix(marker[len(name):], "=")))
		}
	}
	return values
}

func (w *catalogWriter) model(decl *typeDecl) (goTypeModel, error) {
	model := goTypeModel{
		Name:       goName(decl),
		ListType:   markerValue(decl.doc, "listType"),
		MapType:    markerValue(decl.doc, "mapType"),
		StructType: markerValue(decl.doc, "structType"),
	}
	structType, ok := decl.expr.(*ast.StructType)
	if !ok {
		underlying, err := w.typeExpr(decl, decl.expr)
		model.Underlying = underlying
		return model, err
	}
	for _, astField := range structType.Fields.List {
		if len(astField.Names) > 0 && !astField.Names[0].IsExported() {
			continue
		}
		tag := ""
		if astField.Tag != nil {
			unquoted, err := strconv.Unquote(astField.Tag.Value)
			if err != nil {
				return model, err
			}
			tag = unquoted
		}
		structTag := reflect.StructTag(tag)
		jsonTag := structTag.Get("json")
		if jsonTag == "-" {
			continue
		}
		options := strings.Split(jsonTag, ",")
		field := goField{JSON: options[0], Protobuf: structTag.Get("protobuf")}
		for _, option := range options[1:] {
			switch option {
			case "omitempty":
				field.OmitEmpty = true
			case "omitzero":
				field.OmitZero = true
			case "inline":
				field.Inline = true
			}
		}
		if len(astField.Names) == 0 && field.JSON == "" {
			field.Inline = true
		}
		doc := readDoc(astField.Doc, nil)
		field.ListType = markerValue(doc, "listType")
		field.ListMapKeys = markerValues(doc, "listMapKey")
		field.MapType = markerValue(doc, "mapType")
		field.StructType = markerValue(doc, "structType")
		field.PatchStrategy = structTag.Get("patchStrategy")
		field.PatchMergeKey = structTag.Get("patchMergeKey")
		typeText, err := w.typeExpr(decl, astField.Type)
		if err != nil {
			return model, err
		}
		field.Type = typeText
		model.Fields = append(model.Fields, field)
	}
	return model, nil
}

// typeExpr writes a Go type expression in the catalog's notation: Go's own, with named types
// as "<package path>.<Name>" keys of the catalog (or special names).
func (w *catalogWriter) typeExpr(decl *typeDecl, expr ast.Expr) (string, error) {
	switch expr := expr.(type) {
	case *ast.Ident:
		if _, basic := basics[expr.Name]; basic || expr.Name == "byte" || expr.Name == "int" || expr.Name == "uint64" || expr.Name == "float32" || expr.Name == "uint32" {
			return expr.Name, nil
		}
		return w.named(reference{decl.pkg.spec.importPath, expr.Name}, decl)
	case *ast.SelectorExpr:
		path, ok := importPathOf(decl.file, expr.X.(*ast.Ident).Name)
		if !ok {
			return "", fmt.Errorf("%s: unknown package of %s", decl.pkg.fset.Position(expr.Pos()), expr.Sel.Name)
		}
		return w.named(reference{path, expr.Sel.Name}, decl)
	case *ast.StarExpr:
		inner, err := w.typeExpr(decl, expr.X)
		return "*" + inner, err
	case *ast.ArrayType:
		inner, err := w.typeExpr(decl, expr.Elt)
		return "[]" + inner, err
	case *ast.MapType:
		key, err := w.typeExpr(decl, expr.Key)
		if err != nil {
			return "", err
		}
		value, err := w.typeExpr(decl, expr.Value)
		return "map[" + key + "]" + value, err
	case *ast.InterfaceType:
		return "interface{}", nil
	}
	return "", fmt.Errorf("%s: no catalog form for %T", decl.pkg.fset.Position(expr.Pos()), expr)
}

func (w *catalogWriter) named(ref reference, from *typeDecl) (string, error) {
	if special, ok := specialTypes[ref.key()]; ok {
		return special, nil
	}
	if err := w.universe.loadReferenced(ref.importPath); err != nil {
		return "", err
	}
	referrer := "the catalog"
	if from != nil {
		referrer = from.pkg.spec.importPath + "." + from.name
	}
	pkg, ok := w.universe.packages[ref.importPath]
	if !ok {
		return "", fmt.Errorf("%s refers to %s, whose package is not parsed", referrer, ref.key())
	}
	target, ok := pkg.types[ref.name]
	if !ok {
		return "", fmt.Errorf("%s refers to %s, which is not declared there", referrer, ref.key())
	}
	return w.enqueue(target), nil
}

// writeCatalog writes the catalog's modules under dir: resources.ts and types/<package>.ts.
func (w *catalogWriter) writeCatalog(dir string, groups []catalogGroup, source string) error {
	resources, err := json.Marshal(groups)
	if err != nil {
		return err
	}
	header := fmt.Sprintf("// Code generated by hack/apis (npm run apis:generate) from %s and hack/apis/reference_discovery.json. DO NOT EDIT.\n\n", source)
	text := header + "/** Every resource the reference kube-apiserver serves, by group and version, in discovery order. */\n" +
		"import type { CatalogGroup } from \"../catalog_model.js\";\n\n" +
		"export const catalogGroups: readonly CatalogGroup[] = " + string(resources) + ";\n"
	if err := writeFile(filepath.Join(dir, "resources.ts"), text); err != nil {
		return err
	}
	var paths []string
	for path := range w.types {
		paths = append(paths, path)
	}
	sort.Strings(paths)
	var index strings.Builder
	index.WriteString(header)
	index.WriteString("/** The Go types of each package, each loaded when first asked for. */\n")
	index.WriteString("import type { GoTypeModel } from \"../catalog_model.js\";\n")
	for i, path := range paths {
		fmt.Fprintf(&index, "import { goTypes as types%d } from \"./types/%s.js\";\n", i, path)
	}
	index.WriteString("\nexport const typeLoaders: Readonly<Record<string, () => Record<string, GoTypeModel>>> = {\n")
	for i, path := range paths {
		fmt.Fprintf(&index, "  %q: types%d,\n", path, i)
		models := w.types[path]
		var names []string
		for name := range models {
			names = append(names, name)
		}
		sort.Strings(names)
		var body strings.Builder
		body.WriteString(header)
		fmt.Fprintf(&body, "/** The %s Go types the served kinds reach, in the catalog's model (a function, so that they are built when first used). */\n", path)
		fmt.Fprintf(&body, "import type { GoTypeModel } from \"%scatalog_model.js\";\n\n", strings.Repeat("../", strings.Count(path, "/")+2))
		body.WriteString("export function goTypes(): Record<string, GoTypeModel> {\n  return {\n")
		for _, name := range names {
			encoded, err := json.Marshal(models[name])
			if err != nil {
				return err
			}
			fmt.Fprintf(&body, "    %q: %s,\n", name, encoded)
		}
		body.WriteString("  };\n}\n")
		if err := writeFile(filepath.Join(dir, "types", filepath.FromSlash(path)+".ts"), body.String()); err != nil {
			return err
		}
	}
	index.WriteString("};\n")
	return writeFile(filepath.Join(dir, "types.ts"), index.String())
}

func writeFile(path, text string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, []byte(text), 0o644)
}
