package main

import (
	"fmt"
	"go/ast"
	"path/filepath"
	"strings"
)

const (
	apiextensionsV1 = "k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/v1"
	// runtimeApis is where the shared scalar and metav1 types live, relative to a generated module.
	runtimeApis = "../../../../apimachinery/index.js"
)

// shared maps a Go type to the runtime/apis type that already stands for it (with the markers
// that give it controller-gen's schema), so the generated modules never declare a second one.
var shared = map[string]string{
	metaV1 + ".Time":                                  "Time",
	metaV1 + ".MicroTime":                             "MicroTime",
	metaV1 + ".Duration":                              "Duration",
	metaV1 + ".TypeMeta":                              "TypeMeta",
	metaV1 + ".ObjectMeta":                            "ObjectMeta",
	metaV1 + ".ListMeta":                              "ListMeta",
	metaV1 + ".OwnerReference":                        "OwnerReference",
	metaV1 + ".ManagedFieldsEntry":                    "ManagedFieldsEntry",
	metaV1 + ".Condition":                             "Condition",
	metaV1 + ".ConditionStatus":                       "ConditionStatus",
	"k8s.io/apimachinery/pkg/api/resource.Quantity":   "Quantity",
	"k8s.io/apimachinery/pkg/util/intstr.IntOrString": "IntOrString",
	"k8s.io/apimachinery/pkg/runtime.RawExtension":    "RawExtension",
	"k8s.io/apimachinery/pkg/types.UID":               "string",
	"k8s.io/apimachinery/pkg/types.NodeName":          "string",
	apiextensionsV1 + ".JSON":                         "JSON",
}

// basics maps Go's predeclared types to TypeScript or to runtime/apis scalars.
var basics = map[string]string{
	"string": "string", "bool": "boolean", "int32": "int32", "int64": "int64", "float64": "float64",
}

// customJSON gives the JSON form of types whose UnmarshalJSON accepts something other than their
// fields (apiextensions' "schema or array/bool" unions, as their OpenAPI definitions describe them).
var customJSON = map[string]string{
	apiextensionsV1 + ".JSONSchemaPropsOrArray":       "JSONSchemaProps | JSONSchemaProps[]",
	apiextensionsV1 + ".JSONSchemaPropsOrBool":        "JSONSchemaProps | boolean",
	apiextensionsV1 + ".JSONSchemaPropsOrStringArray": "JSONSchemaProps | string[]",
}

// reference is a named type an expression refers to.
type reference struct {
	importPath string
	name       string
}

func (r reference) key() string { return r.importPath + "." + r.name }

// typeRefs resolves the named types an expression mentions, in the file it is written in.
func (pkg *apiPackage) typeRefs(file *ast.File, expr ast.Expr) ([]reference, error) {
	var refs []reference
	var err error
	ast.Inspect(expr, func(node ast.Node) bool {
		switch node := node.(type) {
		case *ast.SelectorExpr:
			packageName, ok := node.X.(*ast.Ident)
			if !ok {
				err = fmt.Errorf("%s: unsupported type %T", pkg.fset.Position(node.Pos()), node.X)
				return false
			}
			path, found := importPathOf(file, packageName.Name)
			if !found {
				err = fmt.Errorf("%s: unknown package %s", pkg.fset.Position(node.Pos()), packageName.Name)
				return false
			}
			refs = append(refs, reference{path, node.Sel.Name})
			return false
		case *ast.Ident:
			if _, basic := basics[node.Name]; !basic && node.Name != "byte" && node.Name != "any" {
				refs = append(refs, reference{pkg.spec.importPath, node.Name})
			}
		case *ast.Field:
			if node.Tag != nil || len(node.Names) > 0 {
				// struct fields: only their types are references
				if sub, subErr := pkg.typeRefs(file, node.Type); subErr != nil {
					err = subErr
				} else {
					refs = append(refs, sub...)
				}
				return false
			}
		}
		return true
	})
	return refs, err
}

// markEmitted decides which types each module declares: every type of a served group version,
// and of meta/v1 only what the others use, followed through.
func (u *universe) markEmitted() error {
	var queue []*typeDecl
	for _, path := range u.order {
		pkg := u.packages[path]
		if pkg.spec.referencedOnly {
			continue
		}
		for _, name := range pkg.order {
			queue = append(queue, pkg.types[name])
		}
	}
	for len(queue) > 0 {
		decl := queue[0]
		queue = queue[1:]
		if decl.emitted || shared[decl.pkg.spec.importPath+"."+decl.name] != "" {
			continue
		}
		decl.emitted = true
		refs, err := decl.pkg.typeRefs(decl.file, decl.expr)
		if err != nil {
			continue // reported when the type is written
		}
		for _, ref := range refs {
			if err := u.loadReferenced(ref.importPath); err != nil {
				return err
			}
			if pkg, ok := u.packages[ref.importPath]; ok {
				if target, ok := pkg.types[ref.name]; ok {
					queue = append(queue, target)
				}
			}
		}
	}
	return nil
}

// loadReferenced loads a package of a generated module that a served type refers to (a
// feature-gated field of a GA type may use an alpha group's type), for the types referred to only.
func (u *universe) loadReferenced(importPath string) error {
	if _, loaded := u.packages[importPath]; loaded {
		return nil
	}
	for module, source := range u.sources {
		if strings.HasPrefix(importPath, module+"/") && module == "k8s.io/api" {
			tsPath := strings.TrimPrefix(importPath, module+"/")
			spec := servedPackage{module: module, importPath: importPath, tsPath: tsPath, referencedOnly: true}
			return u.load(spec, filepath.Join(source.dir, tsPath), module+"@"+source.version)
		}
	}
	return nil
}

// typeScript is the TypeScript for a Go type expression, recording what it imports.
func (w *moduleWriter) typeScript(file *ast.File, expr ast.Expr) (string, error) {
	switch expr := expr.(type) {
	case *ast.Ident:
		if ts, ok := basics[expr.Name]; ok {
			if ts != "string" && ts != "boolean" {
				w.useShared(ts)
			}
			return ts, nil
		}
		if expr.Name == "any" {
			return "unknown", nil
		}
		return w.named(reference{w.pkg.spec.importPath, expr.Name})
	case *ast.SelectorExpr:
		path, ok := importPathOf(file, expr.X.(*ast.Ident).Name)
		if !ok {
			return "", fmt.Errorf("%s: unknown package of %s", w.pkg.fset.Position(expr.Pos()), expr.Sel.Name)
		}
		return w.named(reference{path, expr.Sel.Name})
	case *ast.StarExpr:
		return w.typeScript(file, expr.X)
	case *ast.ArrayType:
		if ident, ok := expr.Elt.(*ast.Ident); ok && ident.Name == "byte" && expr.Len == nil {
			w.useShared("Bytes")
			return "Bytes", nil
		}
		element, err := w.typeScript(file, expr.Elt)
		if err != nil {
			return "", err
		}
		if strings.ContainsAny(element, "|&") {
			element = "(" + element + ")"
		}
		return element + "[]", nil
	case *ast.MapType:
		value, err := w.typeScript(file, expr.Value)
		if err != nil {
			return "", err
		}
		return "Record<string, " + value + ">", nil
	case *ast.InterfaceType:
		if expr.Methods == nil || len(expr.Methods.List) == 0 {
			return "unknown", nil
		}
	}
	return "", fmt.Errorf("%s: no TypeScript form for %T", w.pkg.fset.Position(expr.Pos()), expr)
}

// named is a reference to a named Go type: a shared scalar, a type of this module, or an import.
func (w *moduleWriter) named(ref reference) (string, error) {
	if ts, ok := shared[ref.key()]; ok {
		if ts != "string" {
			w.useShared(ts)
		}
		return ts, nil
	}
	target, ok := w.universe.packages[ref.importPath]
	if !ok {
		return "", fmt.Errorf("%s refers to %s, whose package is not generated and has no mapping in hack/apis/types.go", w.pkg.spec.importPath, ref.key())
	}
	decl, ok := target.types[ref.name]
	if !ok || !decl.emitted {
		return "", fmt.Errorf("%s refers to %s, which is not declared there", w.pkg.spec.importPath, ref.key())
	}
	if target == w.pkg {
		return ref.name, nil
	}
	return w.importFrom(target, ref.name), nil
}
