//! Build an Application and an ApplicationConfiguration in code with the builders (required
//! fields are checked at compile time) and print them as YAML.
//! `cargo run -p oam-examples --example builders`

use oam_model::v1alpha2::{
    ApplicationConfiguration, ApplicationConfigurationComponent, ApplicationConfigurationSpec,
    Component, ComponentParameter, ComponentSpec, ComponentTrait, DataInput, DataInputValueFrom,
};
use oam_model::v1beta1::{Application, ApplicationComponent, ApplicationSpec, ApplicationTrait};
use oam_model::{ObjectMeta, RawObject, to_yaml_string};
use serde_json::json;

fn main() -> Result<(), oam_model::Error> {
    let mut deployment = RawObject::new("apps/v1", "Deployment");
    deployment.rest.insert(
        "spec".into(),
        json!({"template": {"spec": {"containers": [{"name": "php", "image": "php:8"}]}}}),
    );
    let php = Component::builder()
        .metadata(ObjectMeta::named("php"))
        .spec(
            ComponentSpec::builder()
                .workload(deployment)
                .parameters(vec![
                    ComponentParameter::builder()
                        .name("image")
                        .field_paths(["spec.template.spec.containers[0].image"])
                        .build(),
                ])
                .build(),
        )
        .build();

    let scaler = RawObject::new("core.oam.dev/v1alpha2", "ManualScalerTrait");
    let app_config = ApplicationConfiguration::builder()
        .metadata(ObjectMeta::named("php-mysql"))
        .spec(
            ApplicationConfigurationSpec::builder()
                .components(vec![
                    ApplicationConfigurationComponent::builder().component_name("mysql").build(),
                    ApplicationConfigurationComponent::builder()
                        .component_name("php")
                        .data_inputs([DataInput::builder()
                            .value_from(DataInputValueFrom::builder().data_output_name("mysql-conn-secret").build())
                            .to_field_paths(["spec.template.spec.containers[0].env[0].valueFrom.secretKeyRef.name"])
                            .build()])
                        .traits([ComponentTrait::builder().trait_(scaler).build()])
                        .build(),
                ])
                .build(),
        )
        .build();

    let application = Application::builder()
        .metadata(ObjectMeta::named("shop"))
        .spec(
            ApplicationSpec::builder()
                .components(vec![
                    ApplicationComponent::builder()
                        .name("db")
                        .type_("mysql")
                        .build(),
                    ApplicationComponent::builder()
                        .name("web")
                        .type_("webservice")
                        .properties(json!({"image": "php:8"}))
                        .depends_on(["db"])
                        .traits(vec![
                            ApplicationTrait::builder()
                                .type_("scaler")
                                .properties(json!({"replicas": 2}))
                                .build(),
                        ])
                        .build(),
                ])
                .build(),
        )
        .build();

    println!(
        "{}---\n{}---\n{}",
        to_yaml_string(&php)?,
        to_yaml_string(&app_config)?,
        to_yaml_string(&application)?
    );
    Ok(())
}
