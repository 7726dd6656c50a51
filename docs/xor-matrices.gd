# docs/xor.gd with matrices: a 2-2-1 sigmoid network; a, b the inputs, t the target.
W1 = [[0.5, -0.4], [-0.3, 0.6]]
b1 = [0.1, -0.2]
W2 = [0.7, -0.5]
b2 = 0.05
h = sigmoid(W1 @ [a, b] + b1)
y = sigmoid(dot(W2, h) + b2)
loss = (y - t)^2
