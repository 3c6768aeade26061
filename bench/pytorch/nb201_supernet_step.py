#!/usr/bin/python3
"""One supernet training step of NasPipeline in plain PyTorch eager, the peer `nas bench` is compared with.

The network and the step are ours, op for op (src/NasPipeline/Supernet, SearchSpaces/Nb201,
Training/SupernetTrainingLoop.cs, Trainers/): the NB201 supernet (stem, N search cells per stage, stride-2 ResNet
blocks between stages, BN-ReLU-pool-linear head; every edge mixes none, skip_connect, nor_conv_1x1, nor_conv_3x3 and
avg_pool_3x3 with non-affine BN), then per step the method's α step on an α-half batch (Adam 3e-4, betas (0.5, 0.999),
weight decay 1e-3) and an SGD weight step (lr 0.025, momentum 0.9, Nesterov, weight decay 5e-4, gradient norm
clipped at 5) with the method's mixing weights. Data are random tensors built once; each step takes its two batches
from them by a shuffled index, as ours copies its batches from the image sets.

Run it with Debian's PyTorch 1.13 (`apt-get install -y python3-torch`; /usr/bin/python3). It prints
`parameters=N` (every parameter, α included) and `median_ms_per_step=X` (start-up and warm-up steps excluded).
"""
import argparse
import os
import statistics
import sys
import time

OPERATIONS = ["none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3"]
# Edges (to <- from) in NB201 arch-string order.
EDGES = [(1, 0), (2, 0), (2, 1), (3, 0), (3, 1), (3, 2)]
NONE = OPERATIONS.index("none")
TRAINERS = ["darts", "drnas", "gdas", "snas", "rsws"]


def parse(argv):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--trainer", choices=TRAINERS, default="darts")
    p.add_argument("--channels", type=int, default=8, help="C")
    p.add_argument("--cells", type=int, default=1, help="N (cells per stage)")
    p.add_argument("--image-size", type=int, default=28)
    p.add_argument("--in-channels", type=int, default=1)
    p.add_argument("--classes", type=int, default=10)
    p.add_argument("--batch", type=int, default=64)
    p.add_argument("--steps", type=int, default=20, help="timed steps")
    p.add_argument("--warmup", type=int, default=3, help="untimed steps before them")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--params-only", action="store_true", help="print the parameter count and stop")
    return p.parse_args(argv)


args = parse(sys.argv[1:])
# OpenMP reads this when torch loads, so it is set before the import.
os.environ["OMP_NUM_THREADS"] = str(args.threads)
import torch  # noqa: E402
import torch.nn as nn  # noqa: E402
import torch.nn.functional as F  # noqa: E402


def edge_index(to, source):
    return EDGES.index((to, source))


class ReLUConvBN(nn.Module):
    # As ours and NB201: the convolution has a bias exactly when the BN is not affine (supernet cells).
    def __init__(self, c_in, c_out, kernel, stride, padding, affine):
        super().__init__()
        self.relu = nn.ReLU()
        self.conv = nn.Conv2d(c_in, c_out, kernel, stride=stride, padding=padding, bias=not affine)
        self.bn = nn.BatchNorm2d(c_out, affine=affine, track_running_stats=True)

    def forward(self, x):
        return self.bn(self.conv(self.relu(x)))


class Zero(nn.Module):
    def forward(self, x):
        return x.mul(0.0)


class Identity(nn.Module):
    def forward(self, x):
        return x


def operation(name, channels):
    return {
        "none": lambda: Zero(),
        "skip_connect": lambda: Identity(),
        "nor_conv_1x1": lambda: ReLUConvBN(channels, channels, 1, 1, 0, affine=False),
        "nor_conv_3x3": lambda: ReLUConvBN(channels, channels, 3, 1, 1, affine=False),
        "avg_pool_3x3": lambda: nn.AvgPool2d(3, stride=1, padding=1, count_include_pad=False),
    }[name]()


class MixedOp(nn.Module):
    def __init__(self, channels):
        super().__init__()
        self.ops = nn.ModuleList([operation(op, channels) for op in OPERATIONS])

    def forward(self, x, weights, active=None):
        if active is not None:
            # Only the sampled op runs; the others' weights (zero in value) keep α's straight-through gradient.
            out = self.ops[active](x).mul(weights[active])
            if not weights.requires_grad:
                return out
            for j in range(len(self.ops)):
                if j != active:
                    out = out.add(weights[j])
            return out
        total = None
        for j, op in enumerate(self.ops):
            if j == NONE:
                continue
            term = op(x).mul(weights[j])
            total = term if total is None else total.add(term)
        return total


class SearchCell(nn.Module):
    def __init__(self, channels):
        super().__init__()
        self.edges = nn.ModuleList([MixedOp(channels) for _ in EDGES])

    def forward(self, x, weights, active):
        def edge(i, inp):
            return self.edges[i](inp, weights[i], None if active is None else active[i])

        nodes = [x]
        for to in range(1, 4):
            total = edge(edge_index(to, 0), nodes[0])
            for source in range(1, to):
                total = total.add(edge(edge_index(to, source), nodes[source]))
            nodes.append(total)
        return nodes[-1]


class ResNetBasicBlock(nn.Module):
    def __init__(self, c_in, c_out):
        super().__init__()
        self.conv_a = ReLUConvBN(c_in, c_out, 3, 2, 1, affine=True)
        self.conv_b = ReLUConvBN(c_out, c_out, 3, 1, 1, affine=True)
        self.shortcut_pool = nn.AvgPool2d(2, stride=2, padding=0)
        self.shortcut_conv = nn.Conv2d(c_in, c_out, 1, bias=False)

    def forward(self, x):
        return self.conv_b(self.conv_a(x)).add(self.shortcut_conv(self.shortcut_pool(x)))


class Supernet(nn.Module):
    def __init__(self, channels, cells, in_channels, classes):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv2d(in_channels, channels, 3, padding=1, bias=False), nn.BatchNorm2d(channels))
        layers, previous = [], channels
        for stage in range(3):
            current = channels << stage
            if stage > 0:
                layers.append(ResNetBasicBlock(previous, current))
            layers.extend(SearchCell(current) for _ in range(cells))
            previous = current
        self.layers = nn.ModuleList(layers)
        self.head_bn = nn.BatchNorm2d(previous)
        self.classifier = nn.Linear(previous, classes)
        self.alpha = nn.Parameter(torch.randn(len(EDGES), len(OPERATIONS)).mul_(1e-3))

    def weight_parameters(self):
        return [p for name, p in self.named_parameters() if name != "alpha"]

    def forward(self, x, weights, active=None):
        x = self.stem(x)
        for layer in self.layers:
            x = layer(x, weights, active) if isinstance(layer, SearchCell) else layer(x)
        x = F.adaptive_avg_pool2d(F.relu(self.head_bn(x)), 1).flatten(1)
        return self.classifier(x)


def gumbel_soft(alpha, tau):
    uniform = torch.rand(alpha.shape).clamp(1e-10, 1 - 1e-10)
    noise = uniform.log().neg().log().neg()
    return F.softmax(F.log_softmax(alpha, -1).add(noise).div(tau), -1)


def gumbel_hard(alpha, tau):
    soft = gumbel_soft(alpha, tau)
    index = soft.argmax(-1)
    one_hot = F.one_hot(index, alpha.shape[1]).to(soft.dtype)
    return one_hot.sub(soft.detach()).add(soft), index.tolist()


def dirichlet(alpha):
    return torch.distributions.Dirichlet(F.elu(alpha) + 1).rsample()


def uniform_architecture():
    index = torch.randint(0, len(OPERATIONS), (len(EDGES),))
    return F.one_hot(index, len(OPERATIONS)).to(torch.float32), index.tolist()


# (α-step mixing, weight-step mixing) per method: (weights [edges, ops], one active op per edge or None).
# τ is the first epoch's, as in a bench run (GDAS and SNAS both start at 10).
MIXINGS = {
    "darts": (lambda a: (F.softmax(a, -1), None), lambda a: (F.softmax(a, -1).detach(), None)),
    "drnas": (lambda a: (dirichlet(a), None), lambda a: (dirichlet(a.detach()), None)),
    "gdas": (lambda a: gumbel_hard(a, 10.0), lambda a: gumbel_hard(a.detach(), 10.0)),
    "snas": (lambda a: (gumbel_soft(a, 10.0), None), lambda a: (gumbel_soft(a.detach(), 10.0), None)),
    "rsws": (None, lambda a: uniform_architecture()),
}


class Metrics:
    """Ours reads loss and accuracy back every step (RunningMean), so this does too."""

    def __init__(self):
        self.loss, self.correct, self.count = 0.0, 0, 0

    def add(self, loss, logits, labels):
        self.loss += loss.item() * labels.shape[0]
        self.correct += logits.argmax(1).eq(labels).sum().item()
        self.count += labels.shape[0]


class Half:
    """A search half as random tensors built once; batches follow a shuffled order, a new one each pass."""

    def __init__(self, count, args):
        self.images = torch.randn(count, args.in_channels, args.image_size, args.image_size)
        self.labels = torch.randint(0, args.classes, (count,))
        self.batch, self.order, self.at = args.batch, None, count

    def next(self):
        if self.at + self.batch > len(self.labels):
            self.order, self.at = torch.randperm(len(self.labels)), 0
        index = self.order[self.at:self.at + self.batch]
        self.at += self.batch
        return self.images.index_select(0, index), self.labels.index_select(0, index)


def main():
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    net = Supernet(args.channels, args.cells, args.in_channels, args.classes)
    print(f"parameters={sum(p.numel() for p in net.parameters())}")
    if args.params_only:
        return
    alpha_mixing, weight_mixing = MIXINGS[args.trainer]
    weights = net.weight_parameters()
    weight_optimizer = torch.optim.SGD(weights, lr=0.025, momentum=0.9, weight_decay=5e-4, nesterov=True)
    # DrNAS's reg_type "l2" is Adam weight decay reg_scale = 1e-3, the same number as DARTS's α decay.
    alpha_optimizer = torch.optim.Adam([net.alpha], lr=3e-4, betas=(0.5, 0.999), weight_decay=1e-3)
    if alpha_mixing is None:
        with torch.no_grad():
            net.alpha.zero_()
    steps = args.warmup + args.steps
    weight_half, alpha_half = Half(steps * args.batch, args), Half(steps * args.batch, args)
    train, architecture = Metrics(), Metrics()
    net.train()
    # Each step is timed from the end of the one before, as `nas bench` times ours: its time covers taking its
    # batches, both updates and freeing the step before.
    times, last = [], time.perf_counter()
    for s in range(steps):
        images, labels = weight_half.next()
        alpha_images, alpha_labels = alpha_half.next()
        if alpha_mixing is not None:
            # libtorch 2.x (ours) and PyTorch 2.x free gradients on zero_grad; 1.13 would zero them in place.
            alpha_optimizer.zero_grad(set_to_none=True)
            mixing, active = alpha_mixing(net.alpha)
            logits = net(alpha_images, mixing, active)
            loss = F.cross_entropy(logits, alpha_labels)
            loss.backward()
            alpha_optimizer.step()
            architecture.add(loss, logits, alpha_labels)
        weight_optimizer.zero_grad(set_to_none=True)
        mixing, active = weight_mixing(net.alpha)
        logits = net(images, mixing, active)
        loss = F.cross_entropy(logits, labels)
        loss.backward()
        nn.utils.clip_grad_norm_(weights, 5.0)
        weight_optimizer.step()
        train.add(loss, logits, labels)
        now = time.perf_counter()
        if s >= args.warmup:
            times.append((now - last) * 1000)
        last = now
    print(f"pytorch {torch.__version__}: {args.trainer} supernet C={args.channels} N={args.cells}, batch {args.batch}, "
          f"{args.image_size}x{args.image_size}x{args.in_channels}, {args.threads} thread(s), "
          f"{len(times)} timed steps after {args.warmup}: " + " ".join(f"{t:.1f}" for t in times))
    print(f"median_ms_per_step={statistics.median(times):.1f}")


if __name__ == "__main__":
    main()
