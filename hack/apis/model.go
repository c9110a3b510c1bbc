package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
)

// typeDecl is one exported Go type of an API package.
type typeDecl struct {
	name string
	pkg  *apiPackage
	file *ast.File
	expr ast.Expr
	doc  docComment
	// customJSON: the type has its own UnmarshalJSON, so its fields say nothing of its JSON form.
	customJSON bool
	emitted    bool
}

// apiPackage is one parsed Go package and the facts about it the output needs.
type apiPackage struct {
	spec      servedPackage
	group     string
	version   string
	source    string
	fset      *token.FileSet
	types     map[string]*typeDecl
	order     []string
	constants map[string][]string
}

// universe holds every package, so a reference can be followed across them.
type universe struct {
	sources  map[string]moduleSource
	packages map[string]*apiPackage
	order    []string
}

func newUniverse(sources map[string]moduleSource) *universe {
	return &universe{sources: sources, packages: map[string]*apiPackage{}}
}

// isSourceFile: the hand-written Go files of a package (generated code declares no API types).
func isSourceFile(info os.FileInfo) bool {
	name := info.Name()
	return !strings.HasSuffix(name, "_test.go") && !strings.HasPrefix(name, "zz_generated") &&
		!strings.HasPrefix(name, "generated.") && !strings.HasSuffix(name, "_generated.go")
}

func (u *universe) load(spec servedPackage, dir, source string) error {
	fset := token.NewFileSet()
	parsed, err := parser.ParseDir(fset, dir, isSourceFile, parser.ParseComments)
	if err != nil {
		return fmt.Errorf("parsing %s: %v", dir, err)
	}
	goPackage, ok := parsed[filepath.Base(dir)]
	if !ok {
		return fmt.Errorf("no package %s in %s", filepath.Base(dir), dir)
	}
	pkg := &apiPackage{
		spec: spec, version: filepath.Base(dir), source: source, fset: fset,
		types: map[string]*typeDecl{}, constants: map[string][]string{},
	}
	fileNames := make([]string, 0, len(goPackage.Files))
	for name := range goPackage.Files {
		fileNames = append(fileNames, name)
	}
	sort.Strings(fileNames)
	customJSON := map[string]bool{}
	for _, name := range fileNames {
		file := goPackage.Files[name]
		for _, group := range file.Comments {
			if group.End() > file.Package {
				break
			}
			for _, comment := range group.List {
				if marker := markerText(comment); markerName(marker) == "groupName" {
					pkg.group = strings.TrimPrefix(marker, "groupName=")
				}
			}
		}
		for _, decl := range file.Decls {
			switch decl := decl.(type) {
			case *ast.FuncDecl:
				if decl.Recv != nil && decl.Name.Name == "UnmarshalJSON" {
					customJSON[receiverName(decl.Recv.List[0].Type)] = true
				}
			case *ast.GenDecl:
				pkg.readGenDecl(fset, file, decl)
			}
		}
	}
	for name := range customJSON {
		if decl, ok := pkg.types[name]; ok {
			decl.customJSON = true
		}
	}
	u.packages[spec.importPath] = pkg
	u.order = append(u.order, spec.importPath)
	return nil
}

func receiverName(expr ast.Expr) string {
	if star, ok := expr.(*ast.StarExpr); ok {
		expr = star.X
	}
	if ident, ok := expr.(*ast.Ident); ok {
		return ident.Name
	}
	return ""
}

func (pkg *apiPackage) readGenDecl(fset *token.FileSet, file *ast.File, decl *ast.GenDecl) {
	for _, spec := range decl.Specs {
		switch spec := spec.(type) {
		case *ast.TypeSpec:
			if !spec.Name.IsExported() || spec.TypeParams != nil {
				continue
			}
			doc := spec.Doc
			if doc == nil && decl.Lparen == token.NoPos {
				doc = decl.Doc
			}
			pkg.types[spec.Name.Name] = &typeDecl{
				name: spec.Name.Name, pkg: pkg, file: file, expr: spec.Type,
				doc: readDoc(doc, detachedGroup(fset, file, doc, decl.Pos())),
			}
			pkg.order = append(pkg.order, spec.Name.Name)
		case *ast.ValueSpec:
			if decl.Tok != token.CONST {
				continue
			}
			if groupName, ok := stringConstant(spec, "GroupName"); ok {
				pkg.group = groupName // register.go's, which the scheme registers with
			}
			if spec.Type == nil {
				continue
			}
			typeName := receiverName(spec.Type)
			for i := range spec.Names {
				if i >= len(spec.Values) {
					break
				}
				if literal, ok := spec.Values[i].(*ast.BasicLit); ok && literal.Kind == token.STRING {
					if value, err := strconv.Unquote(literal.Value); err == nil {
						pkg.constants[typeName] = append(pkg.constants[typeName], value)
					}
				}
			}
		}
	}
}

// field is one JSON property of a struct, or an embedded struct whose properties are inlined.
type field struct {
	jsonName string
	inline   bool
	optional bool
	expr     ast.Expr
	doc      docComment
}

// fieldsOf reads a struct's JSON properties as encoding/json and controller-gen see them.
func (pkg *apiPackage) fieldsOf(decl *typeDecl, structType *ast.StructType) ([]field, error) {
	var fields []field
	for _, astField := range structType.Fields.List {
		tag := ""
		if astField.Tag != nil {
			unquoted, err := strconv.Unquote(astField.Tag.Value)
			if err != nil {
				return nil, fmt.Errorf("%s: bad tag %s", pkg.fset.Position(astField.Pos()), astField.Tag.Value)
			}
			tag = reflect.StructTag(unquoted).Get("json")
		}
		if tag == "-" {
			continue
		}
		options := strings.Split(tag, ",")
		jsonName := options[0]
		omitEmpty, inline := false, false
		for _, option := range options[1:] {
			switch option {
			case "omitempty", "omitzero":
				omitEmpty = true
			case "inline":
				inline = true
			}
		}
		names := astField.Names
		// an embedded struct is inlined unless its tag names it (`metav1.ObjectMeta `json:"metadata"``)
		if len(names) == 0 && jsonName == "" {
			inline = true
		}
		if !inline && tag == "" {
			return nil, fmt.Errorf("%s: field of %s has no json tag", pkg.fset.Position(astField.Pos()), decl.name)
		}
		if len(names) > 0 && !names[0].IsExported() {
			continue
		}
		doc := readDoc(astField.Doc, nil)
		fields = append(fields, field{
			jsonName: jsonName, inline: inline, expr: astField.Type, doc: doc,
			optional: isOptional(doc, omitEmpty),
		})
	}
	return fields, nil
}

// isOptional follows controller-gen's structToSchema: explicit markers first, then omitempty.
func isOptional(doc docComment, omitEmpty bool) bool {
	switch {
	case doc.has("kubebuilder:validation:Optional"):
		return true
	case doc.has("kubebuilder:validation:Required"):
		return false
	case doc.has("optional"), doc.has("k8s:optional"):
		return true
	case doc.has("required"), doc.has("k8s:required"):
		return false
	}
	return omitEmpty
}

// importPathOf resolves a package name used in a file to its import path.
func importPathOf(file *ast.File, name string) (string, bool) {
	for _, spec := range file.Imports {
		path, _ := strconv.Unquote(spec.Path.Value)
		local := filepath.Base(path)
		if spec.Name != nil {
			local = spec.Name.Name
		}
		if local == name {
			return path, true
		}
	}
	return "", false
}

// stringConstant is the value of `const name = "value"` in spec.
func stringConstant(spec *ast.ValueSpec, name string) (string, bool) {
	if len(spec.Names) != 1 || spec.Names[0].Name != name || len(spec.Values) != 1 {
		return "", false
	}
	literal, ok := spec.Values[0].(*ast.BasicLit)
	if !ok || literal.Kind != token.STRING {
		return "", false
	}
	value, err := strconv.Unquote(literal.Value)
	return value, err == nil
}
