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
    pub(crate) inputs: &'a Inputs<'a>,
    /// The document each Component was loaded from, by namespace and name.
    pub(crate) component_documents: &'a ComponentDocuments<'a>,
    /// Every named object of the input: (apiVersion, kind, name), for scope references (any
    /// kind can serve as a scope, e.g. an Istio Gateway).
    pub(crate) objects: &'a BTreeSet<(&'a str, &'a str, &'a str)>,
    pub(crate) out: Vec<Diagnostic>,
}

/// The document each Component was loaded from, by namespace and name.
pub(crate) type ComponentDocuments<'a> = BTreeMap<(Option<&'a str>, &'a str), &'a Loaded<Document>>;

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

/// Runs every check over every document, on up to `options.jobs` threads: each document's
/// families of checks are tasks, and their findings are joined in task order, so the result is
/// the one of a single thread.
pub(crate) fn run(
    documents: &[Loaded<Document>],
    registry: &Registry,
    options: &Options,
) -> Vec<Diagnostic> {
    let inputs = Inputs::new(registry)
        .with_components(documents.iter().filter_map(|d| d.value.get::<Component>()));
    let mut component_documents = ComponentDocuments::new();
    let mut objects = BTreeSet::new();
    for loaded in documents {
        if let Document::V1alpha2(V1alpha2::Component(c)) = &loaded.value
            && let Some(name) = c.metadata.name.as_deref()
        {
            let key = (c.metadata.namespace.as_deref(), name);
            component_documents.entry(key).or_insert(loaded);
        }
        let doc = &loaded.value;
        if let Some(name) = doc.name() {
            objects.insert((doc.api_version(), doc.kind(), name));
        }
    }
    let context = || Context {
        registry,
        options,
        inputs: &inputs,
        component_documents: &component_documents,
        objects: &objects,
        out: Vec::new(),
    };
    let mut cx = context();
    duplicates::check(&mut cx, documents);
    let tasks: Vec<Task<'_>> = documents.iter().flat_map(tasks).collect();
    // A few tasks (one small application: an admission request) take less time than starting
    // a thread would.
    let threads = if tasks.len() < PARALLEL_MIN_TASKS {
        1
    } else {
        options.threads()
    };
    let found = oam_model::parallel::map_in_order(&tasks, threads, |task| {
        let mut cx = context();
        task.run(&mut cx);
        cx.out
    });
    cx.out.extend(found.into_iter().flatten());
    cx.out
}

/// Fewer tasks than this run on the calling thread.
const PARALLEL_MIN_TASKS: usize = 64;

/// One family of checks over one document.
struct Task<'a> {
    loaded: &'a Loaded<Document>,
    family: Family,
}

/// The families of checks, each a function of one kind of document.
#[derive(Clone, Copy)]
enum Family {
    Names,
    References,
    Rendered,
    Traits,
    Scopes,
    Data,
    Parameters,
    Tenancy,
    Values,
    Workflow,
}

/// The tasks for one document, in the order their findings are reported.
fn tasks(loaded: &Loaded<Document>) -> Vec<Task<'_>> {
    use Family::*;
    let families: &[Family] = match &loaded.value {
        Document::V1alpha2(V1alpha2::ApplicationConfiguration(_)) => &[
            Names, References, Rendered, Traits, Scopes, Data, Parameters, Tenancy,
        ],
        Document::V1alpha2(V1alpha2::ContainerizedWorkload(_)) => &[Names, Values],
        Document::V1alpha2(V1alpha2::Component(_)) => &[Names, References, Values, Tenancy],
        Document::V1beta1(V1beta1::Application(_)) => {
            &[Names, References, Traits, Data, Workflow, Tenancy]
        }
        _ => &[Names],
    };
    families
        .iter()
        .map(|&family| Task { loaded, family })
        .collect()
}

impl Task<'_> {
    fn run(&self, cx: &mut Context<'_>) {
        let loaded = self.loaded;
        let at = At {
            loaded,
            object: format!(
                "{} {}",
                loaded.value.kind(),
                loaded.value.name().unwrap_or("<unnamed>")
            ),
        };
        match (self.family, &loaded.value) {
            (Family::Names, _) => {
                names::check(cx, &at);
                definitions::check(cx, &at);
            }
            (family, Document::V1alpha2(V1alpha2::ApplicationConfiguration(app))) => match family {
                Family::References => references::application_configuration(cx, &at, app),
                Family::Rendered => rendered::application_configuration(cx, &at, app),
                Family::Traits => traits::application_configuration(cx, &at, app),
                Family::Scopes => scopes::check(cx, &at, app),
                Family::Data => data::application_configuration(cx, &at, app),
                Family::Parameters => parameters::check(cx, &at, app),
                Family::Tenancy => tenancy::application_configuration(cx, &at, app),
                _ => {}
            },
            (Family::Values, Document::V1alpha2(V1alpha2::ContainerizedWorkload(w))) => {
                values::standalone(cx, &at, w);
            }
            (family, Document::V1alpha2(V1alpha2::Component(c))) => match family {
                Family::References => references::component(cx, &at, c),
                Family::Values => values::component(cx, &at, c),
                Family::Tenancy => tenancy::component(cx, &at, c),
                _ => {}
            },
            (family, Document::V1beta1(V1beta1::Application(app))) => match family {
                Family::References => references::application(cx, &at, app),
                Family::Traits => traits::application(cx, &at, app),
                Family::Data => data::application(cx, &at, app),
                Family::Workflow => workflow::check(cx, &at, app),
                Family::Tenancy => tenancy::application(cx, &at, app),
                _ => {}
            },
            _ => {}
        }
    }
}

/// The path of `spec.components[i]`.
pub(crate) fn component_path(i: usize) -> FieldPath {
    FieldPath::root().field("spec").field("components").index(i)
}
