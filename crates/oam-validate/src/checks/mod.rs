//! Every check, one file per family. A check is a function over one document that pushes
//! [`Diagnostic`]s into the [`Context`]; the context holds what checks look things up in.

mod data;
mod definitions;
mod duplicates;
mod names;
mod parameters;
mod references;
mod rendered;
mod scopes;
mod tenancy;
mod traits;
mod values;
mod workflow;

use std::collections::{BTreeMap, BTreeSet};

use oam_graph::PlanErrorKind;
use oam_model::registry::Registry;
use oam_model::v1alpha2::Component;
use oam_model::{Document, FieldPath, Inputs, Loaded, V1alpha2, V1beta1};

use crate::diagnostic::{Diagnostic, Severity};
use crate::options::Options;

/// What every check can read, and where findings go.
pub(crate) struct Context<'a> {
    pub(crate) registry: &'a Registry,
    pub(crate) options: &'a Options,
    /// The Components by namespace and name (the first of a key kept), as the planner and the
    /// revision hash see them.
    pub(crate) inputs: Inputs<'a>,
    /// The document each Component was loaded from, by namespace and name.
    pub(crate) component_documents: BTreeMap<(Option<&'a str>, &'a str), &'a Loaded<Document>>,
    /// Every named object of the input: (apiVersion, kind, name), for scope references (any
    /// kind can serve as a scope, e.g. an Istio Gateway).
    pub(crate) objects: BTreeSet<(&'a str, &'a str, &'a str)>,
    pub(crate) out: Vec<Diagnostic>,
}

/// Where a finding is: the document and the field.
pub(crate) struct At<'a> {
    pub(crate) loaded: &'a Loaded<Document>,
    pub(crate) object: String,
}

impl<'a> Context<'a> {
    pub(crate) fn emit(
        &mut self,
        at: &At<'_>,
        code: &'static str,
        severity: Severity,
        path: FieldPath,
        message: String,
        help: impl Into<String>,
    ) {
        self.out.push(Diagnostic {
            code,
            severity,
            message,
            object: at.object.clone(),
            location: at.loaded.location(&path),
            help: Some(help.into()),
            related: Vec::new(),
            suggestion: None,
        });
    }

    /// The Component an application in `namespace` means by `name` (see [`Inputs::component`]).
    pub(crate) fn component(&self, namespace: Option<&str>, name: &str) -> Option<&'a Component> {
        self.inputs.component(namespace, name)
    }

    /// The document `component` was loaded from.
    pub(crate) fn component_document(&self, component: &Component) -> Option<&'a Loaded<Document>> {
        let m = &component.metadata;
        let key = (m.namespace.as_deref(), m.name.as_deref()?);
        self.component_documents.get(&key).copied()
    }

    /// A problem the planner would stop on, found before planning: the planner's code, words
    /// and hint.
    pub(crate) fn plan_error(&mut self, at: &At<'_>, path: FieldPath, kind: &PlanErrorKind) {
        self.error(at, kind.code(), path, kind.to_string(), kind.hint());
    }

    /// Attaches a related location (in the same document) to the finding just reported.
    pub(crate) fn relate(&mut self, at: &At<'_>, label: &str, path: &FieldPath) {
        if let Some(last) = self.out.pop() {
            let location = at.loaded.location(path);
            self.out.push(last.with_related(label, location));
        }
    }

    pub(crate) fn error(
        &mut self,
        at: &At<'_>,
        code: &'static str,
        path: FieldPath,
        message: String,
        help: impl Into<String>,
    ) {
        self.emit(at, code, Severity::Error, path, message, help);
    }

    pub(crate) fn warning(
        &mut self,
        at: &At<'_>,
        code: &'static str,
        path: FieldPath,
        message: String,
        help: impl Into<String>,
    ) {
        self.emit(at, code, Severity::Warning, path, message, help);
    }
}

/// Runs every check over every document.
pub(crate) fn run(
    documents: &[Loaded<Document>],
    registry: &Registry,
    options: &Options,
) -> Vec<Diagnostic> {
    let mut cx = Context {
        registry,
        options,
        inputs: Inputs::new(registry)
            .with_components(documents.iter().filter_map(|d| d.value.get::<Component>())),
        component_documents: BTreeMap::new(),
        objects: BTreeSet::new(),
        out: Vec::new(),
    };
    for loaded in documents {
        if let Document::V1alpha2(V1alpha2::Component(c)) = &loaded.value
            && let Some(name) = c.metadata.name.as_deref()
        {
            let key = (c.metadata.namespace.as_deref(), name);
            cx.component_documents.entry(key).or_insert(loaded);
        }
        let doc = &loaded.value;
        if let Some(name) = doc.name() {
            cx.objects.insert((doc.api_version(), doc.kind(), name));
        }
    }
    duplicates::check(&mut cx, documents);
    for loaded in documents {
        let at = At {
            loaded,
            object: format!(
                "{} {}",
                loaded.value.kind(),
                loaded.value.name().unwrap_or("<unnamed>")
            ),
        };
        names::check(&mut cx, &at);
        definitions::check(&mut cx, &at);
        match &loaded.value {
            Document::V1alpha2(V1alpha2::ApplicationConfiguration(app)) => {
                references::application_configuration(&mut cx, &at, app);
                rendered::application_configuration(&mut cx, &at, app);
                traits::application_configuration(&mut cx, &at, app);
                scopes::check(&mut cx, &at, app);
                data::application_configuration(&mut cx, &at, app);
                parameters::check(&mut cx, &at, app);
                tenancy::application_configuration(&mut cx, &at, app);
            }
            Document::V1alpha2(V1alpha2::ContainerizedWorkload(w)) => {
                values::standalone(&mut cx, &at, w);
            }
            Document::V1alpha2(V1alpha2::Component(c)) => {
                references::component(&mut cx, &at, c);
                values::component(&mut cx, &at, c);
                tenancy::component(&mut cx, &at, c);
            }
            Document::V1beta1(V1beta1::Application(app)) => {
                references::application(&mut cx, &at, app);
                traits::application(&mut cx, &at, app);
                data::application(&mut cx, &at, app);
                workflow::check(&mut cx, &at, app);
                tenancy::application(&mut cx, &at, app);
            }
            _ => {}
        }
    }
    cx.out
}

/// The path of `spec.components[i]`.
pub(crate) fn component_path(i: usize) -> FieldPath {
    FieldPath::root().field("spec").field("components").index(i)
}
