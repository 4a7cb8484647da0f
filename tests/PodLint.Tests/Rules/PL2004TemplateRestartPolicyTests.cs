namespace PodLint.Tests.Rules;

public class PL2004TemplateRestartPolicyTests
{
    [TestCase("Deployment", "apps/v1", "selector: {matchLabels: {app: web}}")]
    [TestCase("DaemonSet", "apps/v1", "selector: {matchLabels: {app: web}}")]
    [TestCase("ReplicaSet", "apps/v1", "selector: {matchLabels: {app: web}}")]
    [TestCase("StatefulSet", "apps/v1", "serviceName: web\n  selector: {matchLabels: {app: web}}")]
    [TestCase("ReplicationController", "v1", "selector: {app: web}")]
    public void Controllers_that_keep_Pods_running_accept_only_Always(string kind, string apiVersion, string selector)
    {
        var found = RuleAssert.Spans("PL2004", $$$"""
            apiVersion: {{{apiVersion}}}
            kind: {{{kind}}}
            metadata: {name: web}
            spec:
              {{{selector}}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  restartPolicy: {|PL2004:OnFailure|}
                  containers: [{name: web, image: nginx:1.27}]
            """);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(found[0].Path, Is.EqualTo("spec.template.spec.restartPolicy"));
            Assert.That(found[0].Message, Is.EqualTo($"the Pods of a {kind} always restart: `restartPolicy: OnFailure` is not supported (supported values: `Always`)"));
        }
    }

    [Test]
    public void Always_and_unset_are_fine_for_a_Deployment()
    {
        foreach (var policy in new[] { "restartPolicy: Always", "restartPolicy: \"\"", "" })
        {
            RuleAssert.Clean($$$"""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      {{{policy}}}
                      containers: [{name: web, image: nginx:1.27}]
                """);
        }
    }

    [Test]
    public void A_Job_without_a_restart_policy_gets_the_default_which_is_refused()
    {
        var found = RuleAssert.Spans("PL2004", """
            apiVersion: batch/v1
            kind: Job
            metadata: {name: once}
            spec:
              template:
                {|PL2004:spec|}:
                  containers: [{name: once, image: busybox:1.36}]
            """);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(found[0].Path, Is.EqualTo("spec.template.spec.restartPolicy"));
            Assert.That(found[0].MessageId, Is.EqualTo("job-needs-policy"));
        }
    }

    [TestCase("Always", "job-needs-policy")]
    [TestCase("Sometimes", "job-not-supported")]
    public void A_CronJob_template_accepts_only_OnFailure_or_Never(string policy, string messageId)
    {
        var found = RuleAssert.Spans("PL2004", $$"""
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: nightly}
            spec:
              schedule: "0 3 * * *"
              jobTemplate:
                spec:
                  template:
                    spec:
                      restartPolicy: {|PL2004:{{policy}}|}
                      containers: [{name: job, image: shop/report:1}]
            """);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(found[0].Path, Is.EqualTo("spec.jobTemplate.spec.template.spec.restartPolicy"));
            Assert.That(found[0].MessageId, Is.EqualTo(messageId));
        }
    }

    [Test]
    public void A_Pod_may_have_any_restart_policy()
        => RuleAssert.Clean("""
            apiVersion: v1
            kind: Pod
            metadata: {name: once}
            spec:
              restartPolicy: Never
              containers: [{name: once, image: busybox:1.36}]
            """);
}
