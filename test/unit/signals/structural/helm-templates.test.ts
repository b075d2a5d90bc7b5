// Helm charts among the infrastructure files: Go template actions make templates no YAML
// until rendered, so they are read for their kinds and images line by line; values files are
// read by the outline, their block scalars and flow lists passed over where no image can be.
import assert from 'node:assert/strict';
import { emptyInfrastructure, readInfrastructure } from '../../../../src/core/signals/structural/infrastructure';
import { DOCUMENT_SEPARATOR, yamlDocuments } from '../../../../src/core/signals/structural/yaml-documents';
import { outlineDocuments, unreadText } from '../../../../src/core/signals/structural/yaml-outline';

/** A CustomResourceDefinition whose schema has an `image` property, with a default image as a string. */
const crd = (name: string): string => `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: ${name}
spec:
  versions:
    - schema:
        openAPIV3Schema:
          properties:
            image:
              description: The image to run.
              type: string
              default: registry.example.com/runner:v3
`;

const TEMPLATE = `{{- if .Values.enableCertManager }}
apiVersion: cert-manager.io/v1
kind: Issuer
metadata:
  name: {{ include "chart.fullname" . }}-selfsigned
spec:
  selfSigned: {}
{{- end }}
---
apiVersion: apps/v1
kind: Deployment
spec:
  template:
    spec:
      containers:
        - name: manager
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
        - name: proxy
          image: registry.example.com/proxy:v2.1 # pinned
---
${crd('jobs.example.com')}`;

describe('Helm templates', () => {
  it('are no YAML documents: a template action opening a line or a value', () => {
    assert.equal(yamlDocuments(TEMPLATE), null);
    assert.equal(yamlDocuments('key: {{ .Values.x }}\n'), null);
    assert.equal(yamlDocuments('{% if grains.os == "Debian" %}\npkg: apache2\n{% endif %}\n'), null);
    assert.deepEqual(yamlDocuments('on: push\njobs:\n  build:\n    if: ${{ github.ref == \'main\' }}\n    env:\n      SHA: ${{ github.sha }}\n'), [
      { on: 'push', jobs: { build: { if: '${{ github.ref == \'main\' }}', env: { SHA: '${{ github.sha }}' } } } },
    ]);
    assert.deepEqual(yamlDocuments('msg: Hello {{ name }}\nquoted: "{{ value }}"\n'), [{ msg: 'Hello {{ name }}', quoted: '{{ value }}' }]);
  });

  it('give their kinds and chosen images, and no image named by the key over a nested description', () => {
    const facts = emptyInfrastructure();
    readInfrastructure('charts/app/templates/manager.yaml', TEMPLATE, facts);
    assert.deepEqual([...facts.things].sort(), ['kind CustomResourceDefinition', 'kind Deployment', 'kind Issuer']);
    assert.deepEqual([...facts.images], [['registry.example.com/proxy', 'v2.1']]);
  });
});

describe('CustomResourceDefinitions', () => {
  it('a file of them declares the kind and names no image, whatever their schemas hold', () => {
    const facts = emptyInfrastructure();
    readInfrastructure('config/crd/bases/jobs.yaml', `---\n${crd('jobs.example.com')}---\n# generated\n${crd('queues.example.com')}`, facts);
    assert.deepEqual([[...facts.things], [...facts.images]], [['kind CustomResourceDefinition'], []]);
  });

  it('a file that also holds another kind is read whole', () => {
    const facts = emptyInfrastructure();
    readInfrastructure('deploy/all.yaml', `${crd('jobs.example.com')}---\napiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - image: registry.example.com/manager:v1\n`, facts);
    assert.deepEqual([...facts.things].sort(), ['kind CustomResourceDefinition', 'kind Deployment']);
    assert.deepEqual([...facts.images].map(([name]) => name).sort(), ['registry.example.com/manager']);
  });
});

describe('a chart\'s values file', () => {
  const VALUES = `# Default values.
commonLabels: {}
env: []
  # - name: SOMEVAR
config:
  route:
    group_by: ['namespace']
  templates: |
    {{ define "slack.text" }}image: not-an-image{{ end }}
relabelings: [__name__, image]
sidecar:
  image: {repository: quay.io/kiwigrid/k8s-sidecar, tag: 1.30.0}
server:
  image:
    repository: quay.io/prometheus/prometheus
    tag: v3.1.0 # pinned
  extraArgs:
    web.enable-lifecycle: ""
  note: >-
    image: also not an image
`;

  it('gives the images it names, block scalars, flow lists and comments aside, as yaml reads them', () => {
    const facts = emptyInfrastructure();
    readInfrastructure('charts/prometheus/values.yaml', VALUES, facts);
    assert.deepEqual([...facts.images].sort(), [['quay.io/kiwigrid/k8s-sidecar', '1.30.0'], ['quay.io/prometheus/prometheus', 'v3.1.0']]);
  });

  it('is read by the outline: unread values say what text they hold, so a reader may pass them over', () => {
    const [document] = outlineDocuments(VALUES, DOCUMENT_SEPARATOR) as [Record<string, unknown>];
    const config = document.config as Record<string, unknown>;
    assert.deepEqual([document.commonLabels, document.env], [{}, []]);
    assert.deepEqual([unreadText(config, 'templates'), unreadText(document, 'relabelings'), unreadText(document.sidecar as object, 'image'), unreadText(document, 'server')], ['', '[__name__, image]', '{repository: quay.io/kiwigrid/k8s-sidecar, tag: 1.30.0}', null]);
  });
});
