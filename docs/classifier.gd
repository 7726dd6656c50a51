# A 4-16-3 softmax classifier trained with cross-entropy on docs/classes.csv:
# the features x1..x4 of each row, its class one-hot in t1..t3.
W1 = 0.5 * randn(16, 4); b1 = zeros(16)
W2 = 0.5 * randn(3, 16); b2 = zeros(3)
x = [x1, x2, x3, x4]
t = [t1, t2, t3]
h = tanh(W1 @ (x - [5.8, 3.1, 3.8, 1.2]) + b1)
z = W2 @ h + b2
loss = logsumexp(z) - dot(t, z)      # -log softmax(z)[class]
