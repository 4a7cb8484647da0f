using PodLint.Engine;

namespace PodLint.Tests.Rules;

public class PL2003WorkloadSelectorTests
{
    [Test]
    public void A_selector_that_does_not_select_the_template_is_reported_at_the_templates_labels()
    {
        var found = RuleAssert.Spans("PL2003", """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: shop}
            spec:
              selector:
                matchLabels: {app: web}
              template:
                metadata:
                  {|PL2003:labels|}:
                    app: webb
                spec:
                  containers: [{name: web, image: nginx:1.27}]
            """);
        var d = found[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Path, Is.EqualTo("spec.template.metadata.labels"));
            Assert.That(d.MessageId, Is.EqualTo("mismatch"));
            Assert.That(d.GetArgument("selector"), Is.EqualTo("app=web"));
            Assert.That(d.GetArgument("reason"), Is.EqualTo("the template's `app` is `webb`, not `web`"));
            Assert.That(d.Related.Single().Path, Is.EqualTo("spec.selector"));
            Assert.That(d.Related.Single().Span.StartLine, Is.EqualTo(5));
            Assert.That(d.Object?.ToString(), Is.EqualTo("shop/web"));
        }
    }

    [TestCase("{matchExpressions: [{key: tier, operator: In, values: [front, back]}]}", "tier: front", true)]
    [TestCase("{matchExpressions: [{key: tier, operator: In, values: [front, back]}]}", "tier: db", false)]
    [TestCase("{matchExpressions: [{key: tier, operator: NotIn, values: [db]}]}", "tier: db", false)]
    [TestCase("{matchExpressions: [{key: tier, operator: NotIn, values: [db]}]}", "app: x", true)]
    [TestCase("{matchExpressions: [{key: canary, operator: DoesNotExist}]}", "canary: \"yes\"", false)]
    [TestCase("{matchExpressions: [{key: tier, operator: Exists}]}", "tier: \"\"", true)]
    [TestCase("{matchLabels: {app: web}, matchExpressions: [{key: tier, operator: Exists}]}", "app: web", false)]
    public void Match_expressions_follow_the_label_selector_semantics(string selector, string labels, bool matches)
    {
        var text = $$"""
            apiVersion: apps/v1
            kind: ReplicaSet
            metadata: {name: web}
            spec:
              selector: {{selector}}
              template:
                metadata:
                  labels: {{{labels}}}
                spec:
                  containers: [{name: web, image: nginx:1.27}]
            """;
        var result = new PodLinter().LintText(text);
        Assert.That(result.Diagnostics.Select(d => d.RuleId), matches ? Is.Empty : Is.EqualTo(new[] { "PL2003" }),
            () => string.Join("\n", result.Diagnostics.Select(d => d.Message)));
    }

    [Test]
    public void Without_template_labels_the_finding_points_where_they_go()
    {
        var found = RuleAssert.Spans("PL2003", """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: db}
            spec:
              serviceName: db
              selector: {matchLabels: {app: db}}
              {|PL2003:template|}:
                spec:
                  containers: [{name: db, image: postgres:16}]
            """);
        Assert.That(found[0].Path, Is.EqualTo("spec.template.metadata.labels"));
        Assert.That(found[0].GetArgument("reason"), Is.EqualTo("the template has no label `app`"));
    }

    [Test]
    public void An_empty_selector_is_refused()
    {
        var found = RuleAssert.Spans("PL2003", """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata: {name: agent}
            spec:
              selector: {|PL2003:{}|}
              template:
                metadata: {labels: {app: agent}}
                spec:
                  containers: [{name: agent, image: agent:1}]
            """);
        Assert.That(found[0].Message, Is.EqualTo("`spec.selector` is empty: the API server refuses an empty selector for a daemonset"));
    }

    [Test]
    public void A_missing_selector_of_an_apps_kind_is_the_schemas_finding_only()
    {
        var result = new PodLinter().LintText("""
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers: [{name: web, image: nginx:1.27}]
            """);
        Assert.That(result.Diagnostics.Select(d => $"{d.RuleId} {d.Path}"), Is.EqualTo(new[] { "PL1003 spec.selector" }));
    }

    [Test]
    public void A_Job_selector_is_optional_and_may_select_the_generated_job_name_label()
    {
        RuleAssert.Clean("""
            apiVersion: batch/v1
            kind: Job
            metadata: {name: migrate}
            spec:
              selector: {matchLabels: {job-name: migrate}}
              template:
                spec:
                  restartPolicy: Never
                  containers: [{name: migrate, image: shop/migrate:1}]
            """);
        RuleAssert.Clean("""
            apiVersion: batch/v1
            kind: Job
            metadata: {name: migrate}
            spec:
              template:
                spec:
                  restartPolicy: Never
                  containers: [{name: migrate, image: shop/migrate:1}]
            """);
    }

    [Test]
    public void A_Job_with_manualSelector_needs_one()
        => RuleAssert.Spans("PL2003", """
            apiVersion: batch/v1
            kind: Job
            metadata: {name: migrate}
            {|PL2003:spec|}:
              manualSelector: true
              template:
                spec:
                  restartPolicy: Never
                  containers: [{name: migrate, image: shop/migrate:1}]
            """);

    [Test]
    public void A_CronJobs_job_template_has_no_selector()
        => RuleAssert.Spans("PL2003", """
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: nightly}
            spec:
              schedule: "0 3 * * *"
              jobTemplate:
                spec:
                  selector: {|PL2003:{matchLabels: {app: nightly}}|}
                  manualSelector: {|PL2003:true|}
                  template:
                    metadata: {labels: {app: nightly}}
                    spec:
                      restartPolicy: OnFailure
                      containers: [{name: job, image: shop/report:1}]
            """);

    [Test]
    public void A_ReplicationController_selector_is_a_map_defaulted_from_the_template()
    {
        RuleAssert.Clean("""
            apiVersion: v1
            kind: ReplicationController
            metadata: {name: legacy}
            spec:
              template:
                metadata: {labels: {app: legacy}}
                spec:
                  containers: [{name: app, image: legacy:1}]
            """);
        var found = RuleAssert.Spans("PL2003", """
            apiVersion: v1
            kind: ReplicationController
            metadata: {name: legacy}
            spec:
              selector: {app: legacy, tier: web}
              template:
                metadata: {{|PL2003:labels|}: {app: legacy}}
                spec:
                  containers: [{name: app, image: legacy:1}]
            """);
        Assert.That(found[0].GetArgument("selector"), Is.EqualTo("app=legacy, tier=web"));
        RuleAssert.Spans("PL2003", """
            apiVersion: v1
            kind: ReplicationController
            metadata: {name: legacy}
            {|PL2003:spec|}:
              template:
                spec:
                  containers: [{name: app, image: legacy:1}]
            """);
    }
}
