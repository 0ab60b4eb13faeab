//! The `resource!` macro: a top-level kind with `metadata`, `spec` and `status` whose
//! `apiVersion` and `kind` are written on output, checked on input and `const` in its schema.

/// Defines a top-level kind. `apiVersion` and `kind` are not stored: they are constants of the
/// type ([`crate::Resource`]), written by `Serialize`, required and checked by `Deserialize`.
macro_rules! resource {
    (
        $(#[$doc:meta])*
        $name:ident, $api:literal, $kind:literal, spec: $spec:ty, status: $status:ty
    ) => {
        $(#[$doc])*
        #[derive(Clone, Debug, Default, PartialEq)]
        #[cfg_attr(feature = "builder", derive(bon::Builder))]
        pub struct $name {
            /// Standard object metadata.
            #[cfg_attr(feature = "builder", builder(default))]
            pub metadata: $crate::meta::ObjectMeta,
            /// The desired state.
            pub spec: $spec,
            /// The observed state, written by controllers.
            pub status: Option<$status>,
        }

        impl $crate::meta::Resource for $name {
            const API_VERSION: &'static str = $api;
            const KIND: &'static str = $kind;
            fn metadata(&self) -> &$crate::meta::ObjectMeta {
                &self.metadata
            }
        }

        const _: () = {
            use serde::{Deserialize, Serialize};

            $(#[$doc])*
            #[derive(Serialize)]
            #[serde(rename_all = "camelCase")]
            struct Out<'a> {
                api_version: &'static str,
                kind: &'static str,
                #[serde(skip_serializing_if = "crate::meta::ObjectMeta::is_empty")]
                metadata: &'a $crate::meta::ObjectMeta,
                spec: &'a $spec,
                #[serde(skip_serializing_if = "Option::is_none")]
                status: &'a Option<$status>,
            }

            $(#[$doc])*
            #[derive(Deserialize, schemars::JsonSchema)]
            #[serde(rename_all = "camelCase")]
            struct Wire {
                #[doc = concat!("Always `", $api, "`.")]
                #[schemars(extend("const" = $api))]
                api_version: String,
                #[doc = concat!("Always `", $kind, "`.")]
                #[schemars(extend("const" = $kind))]
                kind: String,
                /// Standard object metadata.
                #[serde(default)]
                metadata: $crate::meta::ObjectMeta,
                /// The desired state.
                spec: $spec,
                /// The observed state, written by controllers.
                #[serde(default)]
                status: Option<$status>,
            }

            impl Serialize for $name {
                fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                    Out {
                        api_version: $api,
                        kind: $kind,
                        metadata: &self.metadata,
                        spec: &self.spec,
                        status: &self.status,
                    }
                    .serialize(serializer)
                }
            }

            impl<'de> Deserialize<'de> for $name {
                fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                    let wire = Wire::deserialize(deserializer)?;
                    if wire.api_version != $api || wire.kind != $kind {
                        return Err(serde::de::Error::custom(format!(
                            "expected apiVersion `{}` and kind `{}`, found `{}` `{}`",
                            $api, $kind, wire.api_version, wire.kind
                        )));
                    }
                    Ok(Self { metadata: wire.metadata, spec: wire.spec, status: wire.status })
                }
            }

            impl schemars::JsonSchema for $name {
                fn schema_name() -> std::borrow::Cow<'static, str> {
                    stringify!($name).into()
                }
                fn schema_id() -> std::borrow::Cow<'static, str> {
                    concat!($api, "/", $kind).into()
                }
                fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
                    Wire::json_schema(generator)
                }
            }
        };
    };
}

pub(crate) use resource;
